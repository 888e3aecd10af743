namespace NewsBot.Feeds;

/// <summary>
/// Reads an HTML fragment's tags, character references and text in one pass, as browsers
/// tokenize it, and hands them to the <see cref="HtmlBlockLayout"/>. Comments, processing
/// instructions and the content of raw-text elements (scripts, styles, frames) are skipped;
/// of the attributes, only an image's source and size are read.
/// </summary>
internal sealed class HtmlTokenizer(HtmlBlockLayout layout)
{
    /// <summary>The source of the first image shown that is not a 1×1 tracking pixel.</summary>
    public string? Image { get; private set; }

    private bool Showing => layout.Showing;

    /// <summary>Reads <paramref name="html"/> until its end, or until the layout has text enough or nests too deep.</summary>
    public void Run(ReadOnlySpan<char> html)
    {
        var i = 0;
        while (i < html.Length && !layout.Finished)
        {
            var next = html[i..].IndexOfAny('<', '&');
            if (next != 0)
            {
                var run = next < 0 ? html[i..] : html.Slice(i, next);
                layout.AppendText(run);
                i += run.Length;
                continue;
            }

            i = html[i] == '&' ? ReadReference(html, i) : ReadMarkup(html, i);
        }
    }

    private int ReadReference(ReadOnlySpan<char> html, int at)
    {
        var (value, length) = HtmlReferences.Decode(html[at..]);
        if (value is null)
        {
            layout.AppendText("&");
            return at + 1;
        }

        layout.AppendText(value);
        return at + length;
    }

    private int ReadMarkup(ReadOnlySpan<char> html, int at)
    {
        var rest = html[at..];
        if (rest.Length < 2)
        {
            layout.AppendText("<");
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

        layout.AppendText("<");
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
        var name = ReadTagName(html, ref i);
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
                    src ??= HtmlReferences.DecodeAll(value);
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

        if (HtmlElements.RawText.Contains(name))
        {
            // Everything up to the matching end tag is code, styling or a frame's fallback: never text.
            return SkipRawText(html, i, name);
        }

        layout.Open(name, selfClosing);
        return i;
    }

    /// <summary>The tag name starting at <paramref name="i"/>, which is left after it.</summary>
    private static string ReadTagName(ReadOnlySpan<char> html, ref int i)
    {
        var start = i;
        while (i < html.Length && !IsTagNameEnd(html[i]))
        {
            i++;
        }

        return TagName(html[start..i]);
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

    private int ReadEndTag(ReadOnlySpan<char> html, int at)
    {
        var i = at + 2;
        var name = ReadTagName(html, ref i);
        layout.Close(name);
        return SkipPast(html, i, ">");
    }
}
