namespace NewsBot.Feeds;

/// <summary>What one HTML fragment holds for NewsBot: its text and its first real image.</summary>
/// <param name="TooDeep">The markup nested deeper than <see cref="HtmlToText.MaxDepth"/>; the text stops where it did.</param>
/// <param name="Cut">The fragment was longer than could be used (input or text), and the rest was not read.</param>
internal readonly record struct HtmlText(string Text, string? ImageSource, bool TooDeep, bool Cut);

/// <summary>
/// Turns the HTML found in feeds (descriptions, content, titles) into plain text for storage and
/// chat messages: markup gone, entities decoded, paragraphs kept as line breaks. One pass over
/// the characters, no document tree: the cost is linear in the input whatever its nesting, the
/// input is cut at <see cref="MaxInputLength"/>, reading stops once the text is long enough, and
/// nesting beyond <see cref="MaxDepth"/> ends the text. <see cref="HtmlTokenizer"/> reads the
/// markup, <see cref="HtmlBlockLayout"/> turns the elements into line breaks and bullets, and
/// <see cref="HtmlReferences"/> decodes the entities.
/// </summary>
internal static class HtmlToText
{
    /// <summary>Summaries are stored at most this long.</summary>
    public const int MaxSummaryLength = 1000;

    /// <summary>Titles are stored at most this long.</summary>
    public const int MaxTitleLength = 300;

    /// <summary>A full body (shown by /read) is kept at most this long.</summary>
    public const int MaxContentLength = 20_000;

    /// <summary>More HTML than this in one field is not read: no summary or body needs it.</summary>
    public const int MaxInputLength = 512 * 1024;

    /// <summary>Elements open at once beyond this are refused: real articles stay far below.</summary>
    public const int MaxDepth = 256;

    private const string Ellipsis = "…";

    /// <summary>
    /// Reads an HTML fragment until its text is longer than <paramref name="maxLength"/> (the caller
    /// truncates) or the markup nests too deep, with the src of the first real image (not a 1×1
    /// tracking pixel). Never throws; null or empty input gives "". The text contains no control
    /// characters other than '\n', never more than two newlines in a row, and no leading or
    /// trailing whitespace.
    /// </summary>
    public static HtmlText Read(string? html, int maxLength)
    {
        if (string.IsNullOrEmpty(html))
        {
            return default(HtmlText) with { Text = "" };
        }

        var cut = html.Length > MaxInputLength;
        var input = cut ? html.AsSpan(0, MaxInputLength) : html.AsSpan();
        var text = new PlainTextBuilder(maxLength);
        if (input.IndexOfAny('<', '&') < 0)
        {
            text.AppendPreformatted(input);
            return new HtmlText(text.ToString(), null, false, cut || text.Full);
        }

        var layout = new HtmlBlockLayout(text);
        var tokenizer = new HtmlTokenizer(layout);
        tokenizer.Run(input);
        return new HtmlText(text.ToString(), tokenizer.Image, layout.TooDeep, cut || text.Full);
    }

    /// <summary>
    /// Tidies text that is already plain (JSON Feed content_text, names): the same whitespace and
    /// control-character rules as <see cref="Convert"/>, without interpreting any markup.
    /// </summary>
    public static string CleanText(string? text) => CleanText(text, MaxContentLength);

    /// <summary>Like <see cref="CleanText(string?)"/>, reading only as far as <paramref name="maxLength"/> needs.</summary>
    public static string CleanText(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new PlainTextBuilder(maxLength);
        builder.AppendPreformatted(text.Length > MaxInputLength ? text.AsSpan(0, MaxInputLength) : text);
        return builder.ToString();
    }

    /// <summary>
    /// Shortens plain text to at most <paramref name="maxLength"/> characters, cutting at a word
    /// boundary where one is near and ending with "…" when anything was cut.
    /// </summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxLength)
        {
            return text;
        }

        if (maxLength <= Ellipsis.Length)
        {
            return maxLength <= 0 ? "" : Ellipsis;
        }

        var cut = maxLength - Ellipsis.Length;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        // Prefer the last word boundary, unless that would throw away more than half the room.
        var boundary = text.AsSpan(0, cut + 1).LastIndexOfAny(' ', '\n');
        if (boundary >= cut / 2)
        {
            cut = boundary;
        }

        var kept = text[..cut].TrimEnd(' ', '\n', ',', ';', ':', '-', '–', '—');
        return (kept.Length == 0 ? text[..cut] : kept) + Ellipsis;
    }
}
