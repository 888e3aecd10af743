namespace NewsBot.Core.Commands;

/// <summary>A page of articles with Prev / More buttons that carry the command for the next page.</summary>
public static class ArticlePageReply
{
    /// <param name="pageCommand">Builds the command line for a page number, e.g. <c>p => $"/latest {p}"</c>.</param>
    public static Reply Build(
        string heading,
        IReadOnlyList<Article> articles,
        int page,
        int total,
        int pageSize,
        Func<int, string> pageCommand,
        string? note = null)
    {
        var pages = Paging.PageCount(total, pageSize);
        var title = pages > 1 ? $"{heading} — page {page} of {pages}" : heading;
        var first = ((page - 1) * pageSize) + 1;

        var blocks = new List<ReplyBlock> { new TextBlock(title, TextStyle.Heading) };
        if (note is not null)
        {
            blocks.Add(new TextBlock(note, TextStyle.Hint));
        }

        blocks.Add(new ArticleListBlock(articles.Select(a => new ArticleListItem(ArticleViews.From(a))).ToList()));
        blocks.Add(new TextBlock("Read one with /read <number>; save it with /bookmark <number>.", TextStyle.Hint));

        var buttons = new List<ReplyButton>();
        if (page > 1)
        {
            AddIfFits(buttons, "◀ Prev", pageCommand(page - 1));
        }

        if (page < pages)
        {
            AddIfFits(buttons, "More ▶", pageCommand(page + 1));
        }

        return new Reply { Blocks = blocks, Buttons = buttons, SuppressLinkPreview = true };
    }

    private static void AddIfFits(List<ReplyButton> buttons, string label, string command)
    {
        var button = ReplyButton.TryForCommand(label, command, ButtonKind.PageTurn);
        if (button is not null)
        {
            buttons.Add(button);
        }
    }
}
