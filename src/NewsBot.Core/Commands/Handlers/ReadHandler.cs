namespace NewsBot.Core.Commands.Handlers;

public sealed class ReadHandler(IArticleStore articles, IBookmarkStore bookmarks) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Read;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var named = await NamedArticle.FindAsync(request, Command.Name, articles, "read.notFound", cancellationToken).ConfigureAwait(false);
        if (named is not { Article: { } article, Id: var id })
        {
            return named.Problem!;
        }

        return await ArticleCard.ForAsync(article, await bookmarks.ContainsAsync(request.Message.User.Key, id, cancellationToken), articles, request.Texts, cancellationToken).ConfigureAwait(false);
    }
}
