using System.Buffers;
using System.Xml;

namespace NewsBot.Feeds;

/// <summary>The outcome of preparing XML: the repaired document, or why it was refused.</summary>
/// <param name="Xml">The repaired document in a pooled buffer; the caller disposes it.</param>
internal sealed record PreparedXml(PooledText? Xml, string? Rejection, bool LooksLikeHtml, int LineOffset);

/// <summary>
/// Repairs what commonly breaks XML feeds before any XML parser sees them. A DTD never reaches
/// the XML parser: the plain-text entities of its internal subset are expanded here, within the
/// budget of <see cref="DtdEntities"/>, and external entities are never loaded.
/// </summary>
internal static class FeedXmlSanitizer
{
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

    private static readonly string HtmlMarker = StoredText.Of("feedError.html");

    // ASCII only, so that the search runs vectorised; surrogates and U+FFFE/U+FFFF are checked per run.
    private static readonly SearchValues<char> Special = SearchValues.Create(AsciiControls("&<"));

    private static readonly SearchValues<char> Controls = SearchValues.Create(AsciiControls(""));

    private static readonly HashSet<string> XmlEntities = new(StringComparer.Ordinal) { "amp", "lt", "gt", "quot", "apos" };

    /// <summary>
    /// Returns the document as UTF-8-declared XML without DOCTYPE, invalid characters, bare '&amp;'
    /// or HTML-only entities (each repair reported in <paramref name="problems"/>), or why it was refused.
    /// </summary>
    public static PreparedXml Prepare(string text, List<string> problems)
    {
        var start = FirstNonWhitespace(text);
        var lineOffset = text.AsSpan(0, start).Count('\n');
        var rest = text.AsSpan(start);
        var keptNewlines = 0;
        if (rest.StartsWith("<?xml", StringComparison.Ordinal) && rest.Length > 5 && (char.IsWhiteSpace(rest[5]) || rest[5] == '?'))
        {
            var end = rest.IndexOf("?>", StringComparison.Ordinal);
            if (end < 0)
            {
                return new PreparedXml(null, StoredText.Of("feedError.declarationOpen"), false, lineOffset);
            }

            keptNewlines = rest[..end].Count('\n');
            rest = rest[(end + 2)..];
        }

        var prolog = ScanProlog(rest);
        if (prolog.Rejection is not null)
        {
            return new PreparedXml(null, prolog.Rejection, prolog.Rejection == HtmlMarker, lineOffset);
        }

        var output = new PooledText(rest.Length + Declaration.Length + 64);
        output.Append(Declaration).Append('\n', keptNewlines);
        DtdEntities? entities = null;
        var invalid = 0;
        if (prolog.DoctypeLength > 0)
        {
            var doctype = rest.Slice(prolog.DoctypeStart, prolog.DoctypeLength);
            var subsetStart = doctype.IndexOf('[');
            if (subsetStart >= 0)
            {
                entities = DtdEntities.Parse(doctype[(subsetStart + 1)..]);
                entities = entities.IsEmpty ? null : entities;
            }

            // The DOCTYPE goes (its lines kept, so error positions stay right): no XML parser ever sees a DTD.
            invalid += AppendValid(output, rest[..prolog.DoctypeStart]);
            output.Append('\n', doctype.Count('\n'));
            rest = rest[(prolog.DoctypeStart + prolog.DoctypeLength)..];
        }

        Sanitize(rest, output, invalid, problems, entities, out var refusal);
        if (refusal is not null)
        {
            output.Dispose();
            return new PreparedXml(null, refusal, false, lineOffset);
        }

        if (entities?.ExternalReferenced.Count > 0)
        {
            problems.Add(StoredText.Of("feedProblem.externalEntities", ("names", string.Join(", ", entities.ExternalReferenced.Take(5)))));
        }

        return new PreparedXml(output, null, false, lineOffset);
    }

    /// <summary>Elements nested deeper than this make the document refused: no feed needs it, and deep trees are costly.</summary>
    public const int MaxDepth = 256;

    private static (int DoctypeStart, int DoctypeLength, string? Rejection) ScanProlog(ReadOnlySpan<char> xml)
    {
        var i = 0;
        while (i < xml.Length)
        {
            if (char.IsWhiteSpace(xml[i]))
            {
                i++;
            }
            else if (At(xml, i, "<?"))
            {
                i = SkipPast(xml, i, "?>");
            }
            else if (At(xml, i, "<!--"))
            {
                i = SkipPast(xml, i, "-->");
            }
            else if (xml[i..].StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
            {
                return ScanDoctype(xml, i);
            }
            else
            {
                return (0, 0, IsHtmlStart(xml, i) ? HtmlMarker : null);
            }
        }

        return (0, 0, null);
    }

    private static (int DoctypeStart, int DoctypeLength, string? Rejection) ScanDoctype(ReadOnlySpan<char> xml, int start)
    {
        var nameStart = start + "<!DOCTYPE".Length;
        while (nameStart < xml.Length && char.IsWhiteSpace(xml[nameStart]))
        {
            nameStart++;
        }

        var nameEnd = nameStart;
        while (nameEnd < xml.Length && !char.IsWhiteSpace(xml[nameEnd]) && xml[nameEnd] is not ('[' or '>'))
        {
            nameEnd++;
        }

        if (xml[nameStart..nameEnd].Equals("html", StringComparison.OrdinalIgnoreCase))
        {
            return (0, 0, HtmlMarker);
        }

        var quote = '\0';
        var subsetStart = -1;
        var subsetEnd = -1;
        for (var i = nameEnd; i < xml.Length; i++)
        {
            var c = xml[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '[' && subsetStart < 0)
            {
                subsetStart = i;
            }
            else if (c == ']' && subsetStart >= 0)
            {
                subsetEnd = i;
            }
            else if (c == '>' && (subsetStart < 0 || subsetEnd > subsetStart))
            {
                return (start, i + 1 - start, null);
            }
        }

        return (0, 0, StoredText.Of("feedError.doctypeOpen"));
    }

    private static bool IsHtmlStart(ReadOnlySpan<char> xml, int i)
    {
        if (i + 1 >= xml.Length || xml[i] != '<' || !char.IsAsciiLetter(xml[i + 1]))
        {
            return false;
        }

        var end = i + 1;
        while (end < xml.Length && char.IsAsciiLetterOrDigit(xml[end]))
        {
            end++;
        }

        var name = xml.Slice(i + 1, end - i - 1);
        return name.Equals("html", StringComparison.OrdinalIgnoreCase)
            || name.Equals("head", StringComparison.OrdinalIgnoreCase)
            || name.Equals("body", StringComparison.OrdinalIgnoreCase);
    }

    private static bool At(ReadOnlySpan<char> text, int index, string value) =>
        text[index..].StartsWith(value, StringComparison.Ordinal);

    private static int SkipPast(ReadOnlySpan<char> text, int index, string terminator)
    {
        var end = text[index..].IndexOf(terminator, StringComparison.Ordinal);
        return end < 0 ? text.Length : index + end + terminator.Length;
    }

    private static void Sanitize(ReadOnlySpan<char> xml, PooledText output, int invalid, List<string> problems, DtdEntities? entities, out string? refusal)
    {
        refusal = null;
        var escaped = 0;
        var converted = 0;
        string? firstConverted = null;
        var i = 0;
        while (i < xml.Length)
        {
            // Plain runs are copied whole; only '&', '<' and characters XML forbids need a look.
            var run = xml[i..].IndexOfAny(Special);
            if (run != 0)
            {
                var length = run < 0 ? xml.Length - i : run;
                invalid += AppendValid(output, xml.Slice(i, length));
                i += length;
                continue;
            }

            var c = xml[i];
            if (c == '<')
            {
                if (At(xml, i, "<![CDATA[") || At(xml, i, "<!--"))
                {
                    // Character data and comments are copied verbatim, only invalid characters go.
                    var end = SkipPast(xml, i, At(xml, i, "<!--") ? "-->" : "]]>");
                    invalid += AppendValid(output, xml[i..end]);
                    i = end;
                }
                else
                {
                    output.Append('<');
                    i++;
                }

                continue;
            }

            if (c != '&')
            {
                var length = i + 1 < xml.Length && char.IsSurrogatePair(c, xml[i + 1]) ? 2 : 1;
                invalid += AppendValid(output, xml.Slice(i, length));
                i += length;
                continue;
            }

            var semicolon = xml.Slice(i + 1, Math.Min(34, xml.Length - i - 1)).IndexOf(';');
            var reference = semicolon < 0 ? "" : xml.Slice(i + 1, semicolon).ToString();
            if (reference.StartsWith('#'))
            {
                if (IsValidCharacterReference(reference))
                {
                    output.Append('&').Append(reference).Append(';');
                }
                else if (IsNumericReference(reference))
                {
                    invalid++;
                }
                else
                {
                    output.Append("&amp;");
                    escaped++;
                    i++;
                    continue;
                }

                i += reference.Length + 2;
                continue;
            }

            if (IsEntityName(reference))
            {
                if (entities is not null && entities.IsDeclared(reference))
                {
                    var expansion = entities.Expand(reference, out refusal);
                    if (expansion is null)
                    {
                        return;
                    }

                    AppendEscaped(output, expansion);
                    i += reference.Length + 2;
                    continue;
                }

                if (XmlEntities.Contains(reference))
                {
                    output.Append('&').Append(reference).Append(';');
                    i += reference.Length + 2;
                    continue;
                }

                var entity = "&" + reference + ";";
                if (HtmlEntities.Named(reference) is { } decoded)
                {
                    foreach (var rune in decoded.EnumerateRunes())
                    {
                        output.Append("&#").Append(rune.Value.ToString(CultureInfo.InvariantCulture)).Append(';');
                    }

                    converted++;
                    firstConverted ??= entity;
                    i += reference.Length + 2;
                    continue;
                }
            }

            // A bare '&' or an entity nobody defines: keep it as the literal text it must have been.
            output.Append("&amp;");
            escaped++;
            i++;
        }

        if (invalid > 0)
        {
            problems.Add(StoredText.Of("feedProblem.invalidCharacters", ("count", invalid)));
        }

        if (escaped > 0)
        {
            problems.Add(StoredText.Of("feedProblem.bareAmpersands", ("count", escaped)));
        }

        if (converted > 0)
        {
            problems.Add(StoredText.Of("feedProblem.htmlEntities", ("count", converted), ("example", firstConverted)));
        }
    }

    private static void AppendEscaped(PooledText output, string text)
    {
        foreach (var c in text)
        {
            if (XmlEscapes.Entity(c) is { } entity)
            {
                output.Append(entity);
            }
            else if (IsXmlChar(c) || char.IsSurrogate(c))
            {
                output.Append(c);
            }
        }
    }

    private static int FirstNonWhitespace(string text)
    {
        var i = 0;
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '\uFEFF'))
        {
            i++;
        }

        return i;
    }

    private static int AppendValid(PooledText output, ReadOnlySpan<char> text)
    {
        if (!NeedsRepair(text))
        {
            output.Append(text);
            return 0;
        }

        var removed = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                output.Append(c).Append(text[++i]);
            }
            else if (IsXmlChar(c))
            {
                output.Append(c);
            }
            else
            {
                removed++;
            }
        }

        return removed;
    }

    private static string AsciiControls(string extra)
    {
        var chars = new StringBuilder(extra);
        for (var c = 0; c < 0x20; c++)
        {
            if (c is not (0x9 or 0xA or 0xD))
            {
                chars.Append((char)c);
            }
        }

        return chars.ToString();
    }

    private static bool NeedsRepair(ReadOnlySpan<char> text) =>
        text.IndexOfAny(Controls) >= 0 || text.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0 || text.IndexOfAny('\uFFFE', '\uFFFF') >= 0;

    private static bool IsXmlChar(int c) =>
        c is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    private static bool IsNumericReference(string reference)
    {
        var hex = reference.Length > 1 && reference[1] is 'x' or 'X';
        var digits = reference.AsSpan(hex ? 2 : 1);
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (hex ? !char.IsAsciiHexDigit(c) : !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidCharacterReference(string reference)
    {
        if (!IsNumericReference(reference))
        {
            return false;
        }

        var hex = reference[1] is 'x' or 'X';
        var digits = hex ? reference[2..] : reference[1..];
        return int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && IsXmlChar(value);
    }

    private static bool IsEntityName(string name)
    {
        if (name.Length is 0 or > 32 || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
