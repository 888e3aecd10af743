namespace NewsBot.Core.Commands.Handlers;

public sealed class BookmarksHandler(IBookmarkStore bookmarks, TimeProvider time, IOptions<NewsBotOptions> options) : PageCommandHandler
{
    public override CommandInfo Command => CommandCatalog.Bookmarks;

    protected override bool IsPersonal => true;

    protected override async ValueTask<Reply> HandleAsync(CommandRequest request, int page, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        var user = request.Message.User.Key;
        var total = await bookmarks.CountAsync(user, cancellationToken).ConfigureAwait(false);
        if (total == 0)
        {
            return new Reply
            {
                Blocks =
                [
                    new TextBlock(t.Get("bookmarks.empty")),
                    new TextBlock(t.Get("bookmarks.emptyHint")),
                ],
                Buttons = [ReplyButton.ForCommand(t.Get("button.latestNews"), "/latest")],
                IsPersonal = true,
            };
        }

        var pageSize = options.Value.PageSize;
        var shown = Paging.Clamp(page, total, pageSize);
        var now = time.GetUtcNow();
        var saved = await bookmarks.ListAsync(user, (shown - 1) * pageSize, pageSize, cancellationToken).ConfigureAwait(false);
        var list = new ArticleListBlock(saved.Select(b => new ArticleListItem(
            new ArticleView(b.ArticleId, b.Title, b.SourceName, b.SavedAt, b.Url, string.Empty, null, []),
            t.Get("bookmarks.savedAgo", ("ago", t.Ago(b.SavedAt, now))))).ToList());
        var heading = t.Get("bookmarks.heading", ("count", t.Number(total)));
        var reply = ArticlePageReply.Build(
            heading, list, shown, total, pageSize, PageCommand, t, Paging.PastTheEnd(page, shown, t), t.Get("bookmarks.removeHint"));
        return reply with { IsPersonal = true };
    }
}
