using System.Xml;

namespace NewsBot.Feeds;

/// <summary>
/// Reads a feed's text constructs (titles, summaries, bodies): its type (Atom text/html/xhtml or
/// a MIME type, Atom 0.3 mode) decides how to read it; child elements (XHTML, or HTML pasted into
/// RSS unescaped) are written back out as markup, and base64 content is decoded.
/// </summary>
internal static class TextConstructReader
{
    private static readonly string[] VoidElements = ["area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

    private static readonly string[] KeptAttributes = ["src", "href", "width", "height"];

    /// <summary>Reads the current element as text; leaves the reader after it.</summary>
    /// <param name="markup">The content is markup whatever its type says (an XHTML body).</param>
    public static RawText Read(FeedXmlCursor cursor, Uri? elementBase, TextKind defaultKind, bool markup = false)
    {
        var reader = cursor.Reader;
        var type = reader.GetAttribute("type")?.Trim().ToLowerInvariant();
        var mode = reader.GetAttribute("mode")?.Trim().ToLowerInvariant();
        var kind = type switch
        {
            null or "" => defaultKind,
            "text" or "text/plain" => TextKind.Plain,
            "html" or "text/html" or "xhtml" or "application/xhtml+xml" => TextKind.Html,
            _ when type.StartsWith("text/", StringComparison.Ordinal) => TextKind.Plain,
            _ => defaultKind,
        };
        markup |= type is "xhtml" or "application/xhtml+xml" || mode == "xml";
        var base64 = mode == "base64"
            || (type is not null && type.Contains('/', StringComparison.Ordinal) && !type.StartsWith("text/", StringComparison.Ordinal) && !type.Contains("xml", StringComparison.Ordinal));
        if (mode == "escaped")
        {
            kind = type is "text/plain" or "text" ? TextKind.Plain : TextKind.Html;
        }

        if (!cursor.Enter(out var depth))
        {
            return new RawText("", kind, elementBase);
        }

        var text = new StringBuilder();
        var hasElements = false;
        while (cursor.Inside(depth))
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (hasElements)
                    {
                        AppendEscaped(text, reader.Value);
                    }
                    else
                    {
                        text.Append(reader.Value);
                    }

                    break;
                case XmlNodeType.Element:
                    if (!hasElements)
                    {
                        hasElements = true;
                        var before = text.ToString();
                        text.Clear();
                        AppendEscaped(text, before);
                    }

                    WriteStartTag(cursor, text, elementBase);
                    break;
                case XmlNodeType.EndElement:
                    text.Append("</").Append(reader.LocalName).Append('>');
                    break;
            }

            cursor.Advance();
        }

        if (hasElements || markup)
        {
            return new RawText(text.ToString(), hasElements ? TextKind.Html : kind == TextKind.Html ? TextKind.Plain : kind, elementBase);
        }

        if (base64)
        {
            return DecodeBase64(text.ToString(), type, kind, elementBase);
        }

        return new RawText(text.ToString(), kind, elementBase);
    }

    private static RawText DecodeBase64(string encoded, string? type, TextKind kind, Uri? elementBase)
    {
        var compact = string.Concat(encoded.Where(c => !char.IsWhiteSpace(c)));
        var buffer = new byte[(compact.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(compact, buffer, out var written))
        {
            return new RawText(encoded, kind, elementBase);
        }

        // Binary content (an image, a PDF) has no text to show.
        if (type is not null && type.Contains('/', StringComparison.Ordinal) && !type.StartsWith("text/", StringComparison.Ordinal))
        {
            return new RawText("", TextKind.Plain, elementBase);
        }

        return new RawText(Encoding.UTF8.GetString(buffer, 0, written), kind, elementBase);
    }

    private static void WriteStartTag(FeedXmlCursor cursor, StringBuilder text, Uri? contentBase)
    {
        var reader = cursor.Reader;
        var name = reader.LocalName;
        text.Append('<').Append(name);
        var elementBase = cursor.BaseOf(contentBase);
        foreach (var attribute in KeptAttributes)
        {
            var value = reader.GetAttribute(attribute);
            if (value is null)
            {
                continue;
            }

            if (attribute is "src" or "href" && elementBase is not null && Uri.TryCreate(elementBase, value.Trim(), out var resolved))
            {
                value = resolved.ToString();
            }

            text.Append(' ').Append(attribute).Append("=\"");
            AppendEscaped(text, value);
            text.Append('"');
        }

        text.Append('>');
        if (reader.IsEmptyElement && Array.IndexOf(VoidElements, name) < 0)
        {
            text.Append("</").Append(name).Append('>');
        }
    }

    private static void AppendEscaped(StringBuilder text, string value)
    {
        foreach (var c in value)
        {
            _ = XmlEscapes.Entity(c) is { } entity ? text.Append(entity) : text.Append(c);
        }
    }
}
