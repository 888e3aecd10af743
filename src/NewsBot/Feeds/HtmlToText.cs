using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsBot.Feeds;

/// <summary>
/// Turns the HTML found in feeds (descriptions, content, titles) into plain text for storage and
/// chat messages: markup gone, entities decoded, paragraphs kept as line breaks.
/// </summary>
internal static class HtmlToText
{
    /// <summary>Summaries are stored at most this long.</summary>
    public const int MaxSummaryLength = 1000;

    /// <summary>Titles are stored at most this long.</summary>
    public const int MaxTitleLength = 300;

    private const string Ellipsis = "…";

    private static readonly FrozenSet<string> SkippedElements = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "script", "style", "noscript", "iframe", "object", "svg", "template", "head", "title", "math");

    private static readonly FrozenSet<string> BlockElements = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "pre", "ul", "ol",
        "table", "section", "article", "header", "footer", "figure", "figcaption", "dl", "dt", "dd",
        "hr", "address", "aside", "nav", "main", "details", "summary", "caption", "form", "fieldset");

    private static readonly HtmlParserOptions ParserOptions = new()
    {
        SkipComments = true,
        SkipProcessingInstructions = true,
    };

    /// <summary>
    /// Converts an HTML fragment to plain text. Never throws; null or empty input gives "".
    /// The result contains no control characters other than '\n', never more than two
    /// newlines in a row, and no leading or trailing whitespace.
    /// </summary>
    public static string Convert(string? html) => Extract(html).Text;

    /// <summary>
    /// Like <see cref="Convert"/>, and also returns the src of the first real image (not a 1×1
    /// tracking pixel) so that callers needing both parse the HTML once.
    /// </summary>
    public static (string Text, string? ImageSource) Extract(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return ("", null);
        }

        if (html.AsSpan().IndexOfAny('<', '&') < 0)
        {
            return (Normalize(html), null);
        }

        try
        {
            var (text, image) = Walk(html);
            return (Normalize(text), image);
        }
        // The contract is "never throws": a parser failure falls back to crude tag stripping.
        catch (Exception)
        {
            return (Normalize(StripTags(html)), null);
        }
    }

    /// <summary>
    /// Tidies text that is already plain (JSON Feed content_text, names): the same whitespace and
    /// control-character rules as <see cref="Convert"/>, without interpreting any markup.
    /// </summary>
    public static string CleanText(string? text) => string.IsNullOrEmpty(text) ? "" : Normalize(text);

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

    private static (string Text, string? ImageSource) Walk(string html)
    {
        var parser = new HtmlParser(ParserOptions);
        using var document = parser.ParseDocument("<body>" + html + "</body>");
        var root = (INode?)document.Body ?? document.DocumentElement;
        var text = new StringBuilder(html.Length);
        var preDepth = 0;
        string? image = null;

        // An explicit stack instead of recursion: feed HTML can nest deeply enough to overflow.
        var stack = new Stack<(INode Node, bool Leaving)>();
        PushChildren(stack, root);
        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if (node is IText textNode)
            {
                AppendText(text, textNode.Data, preDepth > 0);
                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var name = element.LocalName;
            if (leaving)
            {
                if (name.Equals("pre", StringComparison.OrdinalIgnoreCase))
                {
                    preDepth--;
                }

                if (BlockElements.Contains(name))
                {
                    EnsureLineBreak(text);
                }
                else if (name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase))
                {
                    text.Append(' ');
                }

                continue;
            }

            if (SkippedElements.Contains(name))
            {
                continue;
            }

            if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                text.Append('\n');
                continue;
            }

            if (image is null && name.Equals("img", StringComparison.OrdinalIgnoreCase))
            {
                var source = element.GetAttribute("src");
                if (!string.IsNullOrWhiteSpace(source) && element.GetAttribute("width") != "1" && element.GetAttribute("height") != "1")
                {
                    image = source.Trim();
                }
            }

            if (BlockElements.Contains(name))
            {
                EnsureLineBreak(text);
            }

            if (name.Equals("li", StringComparison.OrdinalIgnoreCase))
            {
                text.Append("• ");
            }
            else if (name.Equals("pre", StringComparison.OrdinalIgnoreCase))
            {
                preDepth++;
            }

            stack.Push((element, true));
            PushChildren(stack, element);
        }

        return (text.ToString(), image);
    }

    // Blocks start and end on their own line without stacking blank lines; only <br> adds breaks freely.
    private static void EnsureLineBreak(StringBuilder text)
    {
        var i = text.Length - 1;
        while (i >= 0 && text[i] is ' ' or '\t')
        {
            i--;
        }

        if (i >= 0 && text[i] != '\n')
        {
            text.Append('\n');
        }
    }

    private static void PushChildren(Stack<(INode Node, bool Leaving)> stack, INode? parent)
    {
        if (parent is null)
        {
            return;
        }

        var children = parent.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            stack.Push((children[i], false));
        }
    }

    private static void AppendText(StringBuilder text, string data, bool preformatted)
    {
        if (preformatted)
        {
            text.Append(data);
            return;
        }

        // Outside <pre>, line breaks in the source are just spaces.
        foreach (var c in data)
        {
            text.Append(c is '\n' or '\r' ? ' ' : c);
        }
    }

    private static string StripTags(string html)
    {
        var text = new StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
                text.Append(' ');
            }
            else if (!inTag)
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static string Normalize(string raw)
    {
        var result = new StringBuilder(raw.Length);
        var pendingSpace = false;
        var pendingNewlines = 0;

        void Emit(char c)
        {
            if (pendingNewlines > 0)
            {
                if (result.Length > 0)
                {
                    result.Append('\n', Math.Min(pendingNewlines, 2));
                }

                pendingNewlines = 0;
                pendingSpace = false;
            }
            else if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                pendingNewlines++;
                pendingSpace = false;
            }
            else if (c == '\t' || char.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator)
            {
                pendingSpace = pendingNewlines == 0 && result.Length > 0;
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
                {
                    Emit(c);
                    result.Append(raw[++i]);
                }
            }
            else if (!char.IsControl(c) && !char.IsLowSurrogate(c) && c != '\uFEFF')
            {
                Emit(c);
            }
        }

        return result.ToString();
    }
}
