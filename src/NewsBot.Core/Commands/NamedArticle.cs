namespace NewsBot.Core.Commands;

/// <summary>
/// The stored article a command such as <c>/read 42</c> names, or else the problem to answer with.
/// </summary>
/// <param name="Id">The number given; 0 when there was none to read.</param>
public sealed record NamedArticle(int Id, Article? Article, Reply? Problem)
{
    /// <param name="notFound">The answer when no article has the number given, made from that number.</param>
    public static async ValueTask<NamedArticle> FindAsync(
        CommandRequest request,
        string commandName,
        IArticleStore articles,
        Func<int, string> notFound,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(notFound);
        if (!ArticleIdArgument.TryRead(request.Arguments, commandName, out var id, out var problem))
        {
            return new NamedArticle(id, null, Reply.Problem(problem!));
        }

        var article = await articles.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return article is null
            ? new NamedArticle(id, null, Reply.Problem(notFound(id)))
            : new NamedArticle(id, article, null);
    }
}
