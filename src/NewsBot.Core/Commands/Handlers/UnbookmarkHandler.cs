namespace NewsBot.Core.Commands.Handlers;

public sealed class UnbookmarkHandler(IBookmarkStore bookmarks, IArticleStore articles) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Unbookmark;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!ArticleIdArgument.TryRead(request.Arguments, Command.Name, out var id, out var problem))
        {
            return Reply.Problem(problem!);
        }

        var removed = await bookmarks.RemoveAsync(request.Message.User.Key, id, cancellationToken).ConfigureAwait(false);

        // Pressed under a card, the answer is the card itself, now showing "Save" again.
        if (request.Message.PressedKind == ButtonKind.Toggle && await articles.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } article)
        {
            return (await ArticleCard.ForAsync(article, saved: false, articles, cancellationToken).ConfigureAwait(false)) with { Toast = "Removed", IsPersonal = true };
        }

        var reply = removed
            ? new Reply
            {
                Blocks = [new TextBlock($"Removed article #{id} from your bookmarks.")],
                Buttons = [ReplyButton.ForCommand("Undo", $"/bookmark {id}")],
                IsPersonal = true,
            }
            : new Reply
            {
                Blocks = [new TextBlock($"Article #{id} is not in your bookmarks, so there was nothing to remove. /bookmarks lists what you saved.")],
                IsPersonal = true,
            };
        return reply;
    }
}
