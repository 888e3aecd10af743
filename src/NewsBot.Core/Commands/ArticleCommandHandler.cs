namespace NewsBot.Core.Commands;

/// <summary>
/// A command about one stored article, such as <c>/read 42</c>: the number is read and the
/// article found here, with the answer for a missing or bad number, so each command handles
/// only an article that exists.
/// </summary>
/// <param name="notFoundKey">The text answered when no article has the number given; its <c>{id}</c> is that number.</param>
public abstract class ArticleCommandHandler(IArticleStore articles, string notFoundKey) : ICommandHandler
{
    public abstract CommandInfo Command { get; }

    protected IArticleStore Articles => articles;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ArticleIdArgument.TryRead(request.Arguments, Command.Name, request.Texts, out var id, out var problem))
        {
            return Reply.Problem(problem!);
        }

        var article = await articles.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return article is null
            ? Reply.Problem(request.Texts.Get(notFoundKey, ("id", id)))
            : await HandleAsync(request, article, cancellationToken).ConfigureAwait(false);
    }

    protected abstract ValueTask<Reply> HandleAsync(CommandRequest request, Article article, CancellationToken cancellationToken);
}
