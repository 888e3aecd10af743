using NewsBot.Core.Articles;
using NewsBot.Core.Bookmarks;
using NewsBot.Core.Replies;

namespace NewsBot.Core.Commands.Handlers;

public sealed class ReadHandler(IArticleStore articles, IBookmarkStore bookmarks) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Read;

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!ArticleIdArgument.TryRead(request.Arguments, Command.Name, out var id, out var problem))
        {
            return ValueTask.FromResult(Reply.Problem(problem!));
        }

        var article = articles.Get(id);
        if (article is null)
        {
            return ValueTask.FromResult(Reply.Problem($"There is no article #{id}. It may have been removed; /latest shows what there is."));
        }

        return ValueTask.FromResult(ArticleCard.For(article, bookmarks.Contains(request.Message.User.Key, id), articles));
    }
}
