namespace NewsBot.Platforms.Discord;

/// <summary>
/// The name of a forum post made from a reply: the story's title for one story, else the
/// reply's heading (a grouped push, a digest), on one line and within Discord's 100 characters,
/// cut at a word where one is near the end so the name does not stop mid-word.
/// </summary>
internal static class DiscordPostTitle
{
    private const string Ellipsis = "…";

    // A word break this close to the limit is worth cutting at; further back, the title loses too much.
    private const int WordSearch = 30;

    public static string For(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var title = Candidates(reply).Select(OneLine).FirstOrDefault(t => t.Length > 0)
            ?? LanguageCatalog.Default.For(reply.Language).Get("discord.postTitle");
        return Fit(title, DiscordRestClient.MaxThreadName);
    }

    /// <summary>The text on one line, within <paramref name="limit"/> characters, ending with "…" when cut.</summary>
    public static string Fit(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = OneLine(text);
        if (text.Length <= limit)
        {
            return text;
        }

        var room = limit - Ellipsis.Length;
        var cut = room;
        var space = text.LastIndexOf(' ', room);
        if (space >= room - WordSearch && space > 0)
        {
            cut = space;
        }
        else if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + Ellipsis;
    }

    private static IEnumerable<string> Candidates(Reply reply)
    {
        foreach (var block in reply.Blocks)
        {
            switch (block)
            {
                case ArticleCardBlock card:
                    yield return card.Article.Title;
                    break;
                case ArticleListBlock { Items.Count: 1 } list:
                    yield return list.Items[0].Article.Title;
                    break;
                case TextBlock { Style: TextStyle.Heading } heading:
                    yield return heading.Text;
                    break;
            }
        }

        foreach (var text in reply.Blocks.OfType<TextBlock>())
        {
            yield return text.Text;
        }
    }

    private static string OneLine(string text) =>
        string.Join(' ', DiscordMarkdown.Clean(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
