namespace NewsBot.Core.Commands.Handlers;

public sealed class BookmarksHandler(IBookmarkStore bookmarks, TimeProvider time, IOptions<NewsBotOptions> options) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Bookmarks;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!Paging.TryRead(request.Arguments, "/bookmarks 2", out var page, out var problem))
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
                    new TextBlock("You have no bookmarks yet."),
                    new TextBlock("Save an article with /bookmark <number> (the number shown next to each article in /latest), or press Save under an article."),
                ],
                Buttons = [ReplyButton.ForCommand("Latest news", "/latest")],
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
            "saved " + RelativeTime.Format(b.SavedAt, now))).ToList();

        var blocks = new List<ReplyBlock>
        {
            new TextBlock(pages > 1 ? $"Your bookmarks ({total}) — page {shown} of {pages}" : $"Your bookmarks ({total})", TextStyle.Heading),
        };
        if (shown < page)
        {
            blocks.Add(new TextBlock($"There are only {pages} pages; here is the last one.", TextStyle.Hint));
        }

        blocks.Add(new ArticleListBlock(items));
        blocks.Add(new TextBlock("Remove one with /unbookmark <number>.", TextStyle.Hint));

        var buttons = new List<ReplyButton>();
        if (shown > 1)
        {
            buttons.Add(ReplyButton.ForCommand("◀ Prev", $"/bookmarks {shown - 1}", ButtonKind.PageTurn));
        }

        if (shown < pages)
        {
            buttons.Add(ReplyButton.ForCommand("More ▶", $"/bookmarks {shown + 1}", ButtonKind.PageTurn));
        }

        return new Reply { Blocks = blocks, Buttons = buttons, IsPersonal = true, SuppressLinkPreview = true };
    }
}
