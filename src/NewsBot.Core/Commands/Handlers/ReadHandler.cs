namespace NewsBot.Core.Commands.Handlers;

public sealed class ReadHandler(IArticleStore articles, IBookmarkStore bookmarks) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Read;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!ArticleIdArgument.TryRead(request.Arguments, Command.Name, out var id, out var problem))
        {
            return Reply.Problem(problem!);
        }

        var article = await articles.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (article is null)
        {
            return Reply.Problem($"There is no article #{id}. It may have been removed; /latest shows what there is.");
        }

        return await ArticleCard.ForAsync(article, await bookmarks.ContainsAsync(request.Message.User.Key, id, cancellationToken), articles, cancellationToken).ConfigureAwait(false);
    }
}
