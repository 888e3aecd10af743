namespace NewsBot.Core.Commands.Handlers;

public sealed class ReadHandler(IArticleStore articles, IBookmarkStore bookmarks) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Read;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var named = await NamedArticle.FindAsync(request, Command.Name, articles, NotFound, cancellationToken).ConfigureAwait(false);
        if (named is not { Article: { } article, Id: var id })
        {
            return named.Problem!;
        }

        return await ArticleCard.ForAsync(article, await bookmarks.ContainsAsync(request.Message.User.Key, id, cancellationToken), articles, cancellationToken).ConfigureAwait(false);
    }

    private static string NotFound(int id) =>
        $"There is no article #{id}. It may have been removed; /latest shows what there is.";
}
