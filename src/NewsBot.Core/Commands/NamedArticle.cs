namespace NewsBot.Core.Commands;

/// <summary>
/// The stored article a command such as <c>/read 42</c> names, or else the problem to answer with.
/// </summary>
/// <param name="Id">The number given; 0 when there was none to read.</param>
public sealed record NamedArticle(int Id, Article? Article, Reply? Problem)
{
    /// <param name="notFoundKey">The text answered when no article has the number given; its <c>{id}</c> is that number.</param>
    public static async ValueTask<NamedArticle> FindAsync(
        CommandRequest request,
        string commandName,
        IArticleStore articles,
        string notFoundKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(articles);
        if (!ArticleIdArgument.TryRead(request.Arguments, commandName, request.Texts, out var id, out var problem))
        {
            return new NamedArticle(id, null, Reply.Problem(problem!));
        }

        var article = await articles.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return article is null
            ? new NamedArticle(id, null, Reply.Problem(request.Texts.Get(notFoundKey, ("id", id))))
            : new NamedArticle(id, article, null);
    }
}
