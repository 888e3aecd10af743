using System.Collections.Frozen;

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
/// nesting beyond <see cref="MaxDepth"/> ends the text.
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

    // Their content is never text: scripts, styles, embedded frames and plug-ins with their fallback, templates.
    private static readonly FrozenSet<string> RawTextElements = FrozenSet.Create(
        StringComparer.Ordinal,
        "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea");

    private static readonly FrozenSet<string> HiddenElements = FrozenSet.Create(
        StringComparer.Ordinal,
        "template", "object", "applet", "head", "title", "video", "audio", "canvas", "select", "datalist",
        "desc", "metadata", "annotation-xml", "map");

    private static readonly FrozenSet<string> VoidElements = FrozenSet.Create(
        StringComparer.Ordinal,
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr", "frame", "basefont", "bgsound", "image");

    private static readonly FrozenSet<string> BlockElements = FrozenSet.Create(
        StringComparer.Ordinal,
        "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "pre", "ul", "ol",
        "table", "section", "article", "header", "footer", "figure", "figcaption", "dl", "dt", "dd",
        "hr", "address", "aside", "nav", "main", "details", "summary", "caption", "form", "fieldset",
        "center", "dir", "menu", "legend", "hgroup", "listing", "plaintext", "body", "html", "tbody", "thead", "tfoot", "search");

    // A new one of these closes the open one of the same kind, as HTML's optional end tags mean.
    private static readonly FrozenDictionary<string, string[]> ImpliedEnds = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["p"] = ["p"],
        ["li"] = ["li"],
        ["dt"] = ["dt", "dd"],
        ["dd"] = ["dt", "dd"],
        ["tr"] = ["tr", "td", "th"],
        ["td"] = ["td", "th"],
        ["th"] = ["td", "th"],
        ["option"] = ["option"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] ParagraphOnly = ["p"];

    private static readonly FrozenSet<string> ScopeBoundaries = FrozenSet.Create(
        StringComparer.Ordinal,
        "ul", "ol", "dl", "table", "div", "blockquote", "section", "article", "td", "th", "body", "html", "menu", "select", "svg", "math");

    /// <summary>
    /// Converts an HTML fragment to plain text. Never throws; null or empty input gives "".
    /// The result contains no control characters other than '\n', never more than two
    /// newlines in a row, and no leading or trailing whitespace.
    /// </summary>
    public static string Convert(string? html) => Read(html, MaxContentLength).Text;

    /// <summary>
    /// Like <see cref="Convert"/>, and also returns the src of the first real image (not a 1×1
    /// tracking pixel) so that callers needing both parse the HTML once.
    /// </summary>
    public static (string Text, string? ImageSource) Extract(string? html)
    {
        var result = Read(html, MaxContentLength);
        return (result.Text, result.ImageSource);
    }

    /// <summary>
    /// Reads an HTML fragment until its text is longer than <paramref name="maxLength"/> (the caller
    /// truncates) or the markup nests too deep. Never throws.
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

        var walker = new Walker(text);
        walker.Run(input);
        return new HtmlText(text.ToString(), walker.Image, walker.TooDeep, cut || text.Full);
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

    /// <summary>The tokenizer and its stack of open elements for one fragment.</summary>
    private sealed class Walker(PlainTextBuilder text)
    {
        private readonly List<string> _open = [];
        private int _hidden;
        private int _preformatted;

        public string? Image { get; private set; }

        public bool TooDeep { get; private set; }

        private bool Showing => _hidden == 0;

        public void Run(ReadOnlySpan<char> html)
        {
            var i = 0;
            while (i < html.Length && !text.Full && !TooDeep)
            {
                var next = html[i..].IndexOfAny('<', '&');
                if (next != 0)
                {
                    var run = next < 0 ? html[i..] : html.Slice(i, next);
                    AppendText(run);
                    i += run.Length;
                    continue;
                }

                i = html[i] == '&' ? ReadReference(html, i) : ReadMarkup(html, i);
            }
        }

        private void AppendText(ReadOnlySpan<char> run)
        {
            if (!Showing)
            {
                return;
            }

            if (_preformatted > 0)
            {
                text.AppendPreformatted(run);
            }
            else
            {
                text.AppendFlowing(run);
            }
        }

        private int ReadReference(ReadOnlySpan<char> html, int at)
        {
            var (value, length) = DecodeReference(html[at..]);
            if (value is null)
            {
                AppendText("&");
                return at + 1;
            }

            AppendText(value);
            return at + length;
        }

        private int ReadMarkup(ReadOnlySpan<char> html, int at)
        {
            var rest = html[at..];
            if (rest.Length < 2)
            {
                AppendText("<");
                return at + 1;
            }

            var second = rest[1];
            if (char.IsAsciiLetter(second))
            {
                return ReadStartTag(html, at);
            }

            if (second == '/')
            {
                if (rest.Length > 2 && char.IsAsciiLetter(rest[2]))
                {
                    return ReadEndTag(html, at);
                }

                // "</>" is nothing; "</ 3" and the like are a bogus comment up to '>'.
                return SkipPast(html, at + 2, ">");
            }

            if (second == '!')
            {
                return rest.StartsWith("<!--") ? SkipComment(html, at + 4) : SkipPast(html, at + 2, ">");
            }

            if (second == '?')
            {
                return SkipPast(html, at + 2, ">");
            }

            AppendText("<");
            return at + 1;
        }

        private static int SkipComment(ReadOnlySpan<char> html, int from)
        {
            // "<!-->" and "<!--->" close at once, as in browsers.
            if (html[from..].StartsWith(">"))
            {
                return from + 1;
            }

            if (html[from..].StartsWith("->"))
            {
                return from + 2;
            }

            var end = html[from..].IndexOf("-->");
            var bang = html[from..].IndexOf("--!>");
            if (bang >= 0 && (end < 0 || bang < end))
            {
                return from + bang + 4;
            }

            return end < 0 ? html.Length : from + end + 3;
        }

        private static int SkipPast(ReadOnlySpan<char> html, int from, string terminator)
        {
            if (from >= html.Length)
            {
                return html.Length;
            }

            var end = html[from..].IndexOf(terminator);
            return end < 0 ? html.Length : from + end + terminator.Length;
        }

        private int ReadStartTag(ReadOnlySpan<char> html, int at)
        {
            var i = at + 1;
            var nameStart = i;
            while (i < html.Length && !IsTagNameEnd(html[i]))
            {
                i++;
            }

            var name = TagName(html[nameStart..i]);
            string? src = null, width = null, height = null;
            var selfClosing = false;
            var wantAttributes = name == "img" && Image is null && Showing;

            // Attributes: only an image's source and size matter; event handlers and the rest never do.
            while (i < html.Length)
            {
                var c = html[i];
                if (c == '>')
                {
                    i++;
                    break;
                }

                if (c == '/')
                {
                    selfClosing = i + 1 < html.Length && html[i + 1] == '>';
                    i++;
                    continue;
                }

                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                var attributeStart = i;
                while (i < html.Length && html[i] is not ('=' or '>' or '/') && !char.IsWhiteSpace(html[i]))
                {
                    i++;
                }

                var attribute = html[attributeStart..i];
                while (i < html.Length && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }

                ReadOnlySpan<char> value = default;
                if (i < html.Length && html[i] == '=')
                {
                    i++;
                    while (i < html.Length && char.IsWhiteSpace(html[i]))
                    {
                        i++;
                    }

                    if (i < html.Length && html[i] is '"' or '\'')
                    {
                        var quote = html[i];
                        var close = html[(i + 1)..].IndexOf(quote);
                        var end = close < 0 ? html.Length : i + 1 + close;
                        value = html[(i + 1)..end];
                        i = Math.Min(html.Length, end + 1);
                    }
                    else
                    {
                        var valueStart = i;
                        while (i < html.Length && html[i] != '>' && !char.IsWhiteSpace(html[i]))
                        {
                            i++;
                        }

                        value = html[valueStart..i];
                    }
                }

                if (wantAttributes)
                {
                    if (attribute.Equals("src", StringComparison.OrdinalIgnoreCase))
                    {
                        src ??= DecodeAttribute(value);
                    }
                    else if (attribute.Equals("width", StringComparison.OrdinalIgnoreCase))
                    {
                        width ??= value.Trim().ToString();
                    }
                    else if (attribute.Equals("height", StringComparison.OrdinalIgnoreCase))
                    {
                        height ??= value.Trim().ToString();
                    }
                }
            }

            if (wantAttributes && !string.IsNullOrWhiteSpace(src) && width != "1" && height != "1")
            {
                Image = src.Trim();
            }

            if (RawTextElements.Contains(name))
            {
                // Everything up to the matching end tag is code, styling or a frame's fallback: never text.
                return SkipRawText(html, i, name);
            }

            Open(name, selfClosing);
            return i;
        }

        private static bool IsTagNameEnd(char c) => c is '>' or '/' || char.IsWhiteSpace(c);

        private static string TagName(ReadOnlySpan<char> raw)
        {
            Span<char> lower = stackalloc char[Math.Min(raw.Length, 64)];
            var length = raw[..lower.Length].ToLowerInvariant(lower);
            var name = lower[..length];

            // A namespace prefix (xhtml:p, svg:text) does not change what the element is.
            var colon = name.LastIndexOf(':');
            if (colon >= 0 && colon + 1 < name.Length)
            {
                name = name[(colon + 1)..];
            }

            return name.ToString();
        }

        private static int SkipRawText(ReadOnlySpan<char> html, int from, string name)
        {
            var i = from;
            while (i < html.Length)
            {
                var close = html[i..].IndexOf("</");
                if (close < 0)
                {
                    return html.Length;
                }

                var start = i + close + 2;
                if (html.Length - start >= name.Length
                    && html.Slice(start, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                    && (start + name.Length == html.Length || IsTagNameEnd(html[start + name.Length])))
                {
                    return SkipPast(html, start + name.Length, ">");
                }

                i = start;
            }

            return html.Length;
        }

        private void Open(string name, bool selfClosing)
        {
            if (ImpliedEnds.TryGetValue(name, out var closes))
            {
                CloseImplied(closes);
            }

            var block = BlockElements.Contains(name);
            if (block && name != "p")
            {
                CloseImplied(ParagraphOnly);
            }

            if (name == "br")
            {
                if (Showing)
                {
                    text.NewLine();
                }

                return;
            }

            if (Showing)
            {
                if (name == "li")
                {
                    text.StartListItem();
                }
                else if (block)
                {
                    text.BlockBreak();
                }
                else if (name is "td" or "th" or "svg")
                {
                    text.Space();
                }
            }

            if (VoidElements.Contains(name) || selfClosing)
            {
                if (block && Showing)
                {
                    text.BlockBreak();
                }

                return;
            }

            if (_open.Count >= MaxDepth)
            {
                TooDeep = true;
                return;
            }

            _open.Add(name);
            if (HiddenElements.Contains(name))
            {
                _hidden++;
            }
            else if (name is "pre" or "listing" or "plaintext")
            {
                _preformatted++;
            }
        }

        private void CloseImplied(string[] closes)
        {
            for (var index = _open.Count - 1; index >= 0; index--)
            {
                var open = _open[index];
                if (Array.IndexOf(closes, open) >= 0)
                {
                    PopTo(index);
                    return;
                }

                if (ScopeBoundaries.Contains(open))
                {
                    return;
                }
            }
        }

        private int ReadEndTag(ReadOnlySpan<char> html, int at)
        {
            var i = at + 2;
            var nameStart = i;
            while (i < html.Length && !IsTagNameEnd(html[i]))
            {
                i++;
            }

            var name = TagName(html[nameStart..i]);
            var end = SkipPast(html, i, ">");
            var index = _open.LastIndexOf(name);
            if (index >= 0)
            {
                PopTo(index);
            }
            else if (Showing)
            {
                // A stray </p> or </br> still ends a line in browsers.
                if (name == "br")
                {
                    text.NewLine();
                }
                else if (name == "p")
                {
                    text.BlockBreak();
                }
            }

            return end;
        }

        private void PopTo(int index)
        {
            for (var top = _open.Count - 1; top >= index; top--)
            {
                var name = _open[top];
                _open.RemoveAt(top);
                if (HiddenElements.Contains(name))
                {
                    _hidden--;
                    continue;
                }

                if (name is "pre" or "listing" or "plaintext")
                {
                    _preformatted--;
                }

                if (!Showing)
                {
                    continue;
                }

                if (name == "li")
                {
                    text.EndListItem();
                    text.BlockBreak();
                }
                else if (BlockElements.Contains(name))
                {
                    text.BlockBreak();
                }
                else if (name is "td" or "th" or "svg")
                {
                    text.Space();
                }
            }
        }

        private static string DecodeAttribute(ReadOnlySpan<char> value)
        {
            if (value.IndexOf('&') < 0)
            {
                return value.ToString();
            }

            var result = new System.Text.StringBuilder(value.Length);
            var i = 0;
            while (i < value.Length)
            {
                if (value[i] != '&')
                {
                    result.Append(value[i++]);
                    continue;
                }

                var (decoded, length) = DecodeReference(value[i..]);
                if (decoded is null)
                {
                    result.Append('&');
                    i++;
                }
                else
                {
                    result.Append(decoded);
                    i += length;
                }
            }

            return result.ToString();
        }
    }

    /// <summary>Decodes the character reference at the start of <paramref name="text"/> ('&amp;' first).</summary>
    internal static (string? Value, int Length) DecodeReference(ReadOnlySpan<char> text)
    {
        if (text.Length < 2)
        {
            return (null, 0);
        }

        if (text[1] == '#')
        {
            var end = 2;
            var hex = end < text.Length && text[end] is 'x' or 'X';
            if (hex)
            {
                end++;
            }

            var digitsStart = end;
            while (end < text.Length && end - digitsStart < 10 && (hex ? char.IsAsciiHexDigit(text[end]) : char.IsAsciiDigit(text[end])))
            {
                end++;
            }

            if (end == digitsStart)
            {
                return (null, 0);
            }

            var value = HtmlEntities.Numeric(text[2..end]) ?? "";
            return (value, end < text.Length && text[end] == ';' ? end + 1 : end);
        }

        var nameEnd = 1;
        while (nameEnd < text.Length && nameEnd <= HtmlEntities.MaxNameLength && char.IsAsciiLetterOrDigit(text[nameEnd]))
        {
            nameEnd++;
        }

        if (nameEnd < text.Length && text[nameEnd] == ';')
        {
            var named = HtmlEntities.Named(text[1..nameEnd]);
            if (named is not null)
            {
                return (named, nameEnd + 1);
            }
        }

        var legacy = HtmlEntities.LegacyPrefix(text[1..nameEnd], out var legacyValue);
        return legacy > 0 ? (legacyValue, legacy + 1) : (null, 0);
    }
}
