namespace NewsBot.Core.Commands;

/// <summary>A page of articles with Prev / More buttons that carry the command for the next page.</summary>
public static class ArticlePageReply
{
    /// <param name="pageCommand">Builds the command line for a page number, e.g. <c>p => $"/latest {p}"</c>.</param>
    /// <param name="hint">The line under the list, on what to do with its articles; by default how to read one.</param>
    public static Reply Build(
        string heading,
        ArticleListBlock list,
        int page,
        int total,
        int pageSize,
        Func<int, string> pageCommand,
        Texts texts,
        string? note = null,
        string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(pageCommand);
        var pages = Paging.PageCount(total, pageSize);
        var blocks = new List<ReplyBlock> { new TextBlock(Paging.Heading(heading, page, pages, texts), TextStyle.Heading) };
        if (note is not null)
        {
            blocks.Add(new TextBlock(note, TextStyle.Hint));
        }

        blocks.Add(list);
        blocks.Add(new TextBlock(hint ?? texts.Get("list.readHint"), TextStyle.Hint));

        var buttons = new List<ReplyButton>();
        if (page > 1)
        {
            AddIfFits(buttons, texts.Get("button.prev"), pageCommand(page - 1));
        }

        if (page < pages)
        {
            AddIfFits(buttons, texts.Get("button.more"), pageCommand(page + 1));
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
