namespace NewsBot.Core.Commands.Handlers;

public sealed class BookmarksHandler(IBookmarkStore bookmarks, TimeProvider time, IOptions<NewsBotOptions> options) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Bookmarks;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        if (!Paging.TryRead(request.Arguments, "/bookmarks 2", t, out var page, out var problem))
        {
            return Reply.Problem(problem!) with { IsPersonal = true };
        }

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
        var pages = Paging.PageCount(total, pageSize);
        var now = time.GetUtcNow();
        var saved = await bookmarks.ListAsync(user, (shown - 1) * pageSize, pageSize, cancellationToken).ConfigureAwait(false);
        var items = saved.Select(b => new ArticleListItem(
            new ArticleView(b.ArticleId, b.Title, b.SourceName, b.SavedAt, b.Url, string.Empty, null, []),
            t.Get("bookmarks.savedAgo", ("ago", t.Ago(b.SavedAt, now))))).ToList();

        var blocks = new List<ReplyBlock>
        {
            new TextBlock(Paging.Heading(t.Get("bookmarks.heading", ("count", t.Number(total))), shown, pages, t), TextStyle.Heading),
        };
        if (Paging.PastTheEnd(page, shown, t) is { } note)
        {
            blocks.Add(new TextBlock(note, TextStyle.Hint));
        }

        blocks.Add(new ArticleListBlock(items));
        blocks.Add(new TextBlock(t.Get("bookmarks.removeHint"), TextStyle.Hint));

        var buttons = new List<ReplyButton>();
        if (shown > 1)
        {
            buttons.Add(ReplyButton.ForCommand(t.Get("button.prev"), $"/bookmarks {shown - 1}", ButtonKind.PageTurn));
        }

        if (shown < pages)
        {
            buttons.Add(ReplyButton.ForCommand(t.Get("button.more"), $"/bookmarks {shown + 1}", ButtonKind.PageTurn));
        }

        return new Reply { Blocks = blocks, Buttons = buttons, IsPersonal = true, SuppressLinkPreview = true };
    }
}
