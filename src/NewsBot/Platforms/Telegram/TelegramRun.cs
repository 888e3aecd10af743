namespace NewsBot.Platforms.Telegram;

/// <summary>How a run of Telegram text is marked up.</summary>
internal enum TelegramRunStyle
{
    Plain,
    Bold,
    Italic,
    Link,
}

/// <summary>A piece of text in one style: the unit that is escaped and tagged as a whole, and never split across tags.</summary>
internal readonly record struct TelegramRun(string Text, TelegramRunStyle Style, string? Href = null)
{
    public static TelegramRun Plain(string text) => new(text, TelegramRunStyle.Plain);

    public bool IsEntity => Style != TelegramRunStyle.Plain;

    public void AppendHtml(StringBuilder html)
    {
        var text = TelegramRenderer.EscapeCore(Text, attribute: false);
        _ = Style switch
        {
            TelegramRunStyle.Bold => html.Append("<b>").Append(text).Append("</b>"),
            TelegramRunStyle.Italic => html.Append("<i>").Append(text).Append("</i>"),
            TelegramRunStyle.Link => html.Append("<a href=\"").Append(TelegramRenderer.EscapeCore(Href!, attribute: true)).Append("\">").Append(text).Append("</a>"),
            _ => html.Append(text),
        };
    }
}

/// <summary>Lines kept together in one message when they fit.</summary>
internal sealed record TelegramParagraph(List<List<TelegramRun>> Lines)
{
    public int Length => Lines.Sum(l => l.Sum(r => r.Text.Length)) + Lines.Count - 1;

    public int Entities => Lines.Sum(l => l.Count(r => r.IsEntity));
}
