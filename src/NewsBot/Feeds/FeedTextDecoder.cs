namespace NewsBot.Feeds;

/// <summary>
/// Finds the document's character encoding the way browsers and feed readers do: byte-order
/// mark, then the HTTP charset and the XML declaration (bytes that are valid UTF-8 settle a
/// disagreement between the two), then UTF-8.
/// </summary>
internal static class FeedTextDecoder
{
    /// <summary>Decodes the document, adding a sentence to <paramref name="problems"/> when its labels were wrong or unknown.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? contentTypeCharset, List<string> problems)
    {
        var bom = DetectByteOrderMark(bytes, out var bomLength);
        if (bom is not null)
        {
            return bom.GetString(bytes[bomLength..]);
        }

        if (bytes.Length >= 2 && bytes[0] == '<' && bytes[1] == 0)
        {
            return Encoding.Unicode.GetString(bytes);
        }

        if (bytes.Length >= 2 && bytes[0] == 0 && bytes[1] == '<')
        {
            return Encoding.BigEndianUnicode.GetString(bytes);
        }

        var fromHeader = Resolve(contentTypeCharset, "feedProblem.unknownCharsetHeader", problems);
        var fromDeclaration = Resolve(DeclaredEncoding(bytes), "feedProblem.unknownCharsetDeclared", problems);
        Encoding chosen;
        if (fromHeader is not null && fromDeclaration is not null && fromHeader.CodePage != fromDeclaration.CodePage)
        {
            var utf8Side = IsUtf8(fromHeader) ? fromHeader : IsUtf8(fromDeclaration) ? fromDeclaration : null;
            var otherSide = ReferenceEquals(utf8Side, fromHeader) ? fromDeclaration : fromHeader;
            chosen = utf8Side is null ? fromHeader : System.Text.Unicode.Utf8.IsValid(bytes) ? utf8Side : otherSide;
            problems.Add(StoredText.Of("feedProblem.charsetConflict", ("header", fromHeader.WebName), ("declared", fromDeclaration.WebName), ("used", chosen.WebName)));
        }
        else
        {
            chosen = fromHeader ?? fromDeclaration ?? Encoding.UTF8;
        }

        return chosen.GetString(bytes);
    }

    private static Encoding? DetectByteOrderMark(ReadOnlySpan<byte> bytes, out int length)
    {
        (Encoding? encoding, length) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
            [0xFF, 0xFE, 0x00, 0x00, ..] => (Encoding.UTF32, 4),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: true), 4),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            _ => ((Encoding?)null, 0),
        };
        return encoding;
    }

    private static string? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 1024)]).TrimStart();
        if (!head.StartsWith("<?xml", StringComparison.Ordinal))
        {
            return null;
        }

        var end = head.IndexOf("?>", StringComparison.Ordinal);
        var declaration = end < 0 ? head : head[..end];
        var at = declaration.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = declaration[(at + "encoding".Length)..].TrimStart();
        if (!rest.StartsWith('='))
        {
            return null;
        }

        rest = rest[1..].TrimStart();
        if (rest.Length == 0 || rest[0] is not ('"' or '\''))
        {
            return null;
        }

        var close = rest.IndexOf(rest[0], 1);
        return close < 0 ? null : rest[1..close];
    }

    private static Encoding? Resolve(string? name, string unknownKey, List<string> problems)
    {
        name = name?.Trim().Trim('"', '\'').Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var encoding = Lookup(name);
        if (encoding is null)
        {
            problems.Add(StoredText.Of(unknownKey, ("name", HtmlToText.Truncate(name, 40))));
            return null;
        }

        // Without a byte-order mark a 16- or 32-bit label on 8-bit bytes is simply wrong.
        return encoding is UnicodeEncoding or UTF32Encoding ? null : encoding;
    }

    private static Encoding? Lookup(string name)
    {
        // Labels browsers also treat as their supersets: mislabelled UTF-8 and Windows-1252 are everywhere.
        if (name.Equals("us-ascii", StringComparison.OrdinalIgnoreCase) || name.Equals("ascii", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8;
        }

        if (name.Equals("iso-8859-1", StringComparison.OrdinalIgnoreCase) || name.Equals("latin1", StringComparison.OrdinalIgnoreCase))
        {
            name = "windows-1252";
        }

        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsUtf8(Encoding encoding) => encoding.CodePage == Encoding.UTF8.CodePage;
}
