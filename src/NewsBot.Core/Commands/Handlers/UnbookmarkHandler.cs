namespace NewsBot.Core.Commands.Handlers;

public sealed class UnbookmarkHandler(IBookmarkStore bookmarks, IArticleStore articles, FullTexts fullTexts) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Unbookmark;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        if (!ArticleIdArgument.TryRead(request.Arguments, Command.Name, t, out var id, out var problem))
        {
            return Reply.Problem(problem!);
        }

        var removed = await bookmarks.RemoveAsync(request.Message.User.Key, id, cancellationToken).ConfigureAwait(false);

        // Pressed under a card, the answer is the card itself, now showing "Save" again.
        if (request.Message.PressedKind == ButtonKind.Toggle && await articles.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } article)
        {
            return (await ArticleCard.ForAsync(article, saved: false, articles, t, cancellationToken, await fullTexts.StoredAsync(article.Id, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false)) with { Toast = t.Get("unbookmark.toast"), IsPersonal = true };
        }

        var reply = removed
            ? new Reply
            {
                Blocks = [new TextBlock(t.Get("unbookmark.removed", ("id", id)))],
                Buttons = [ReplyButton.ForCommand(t.Get("button.undo"), $"/bookmark {id}")],
                IsPersonal = true,
            }
            : new Reply
            {
                Blocks = [new TextBlock(t.Get("unbookmark.absent", ("id", id)))],
                IsPersonal = true,
            };
        return reply;
    }
}
