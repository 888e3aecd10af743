namespace NewsBot.Feeds;

/// <summary>Reads HTML character references (<c>&amp;amp;</c>, <c>&amp;#233;</c>, <c>&amp;copy</c> without its ';') in text, as browsers do.</summary>
internal static class HtmlReferences
{
    /// <summary>Decodes the character reference at the start of <paramref name="text"/> ('&amp;' first).</summary>
    public static (string? Value, int Length) Decode(ReadOnlySpan<char> text)
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

    /// <summary>Decodes every character reference in <paramref name="value"/> (an attribute's value).</summary>
    public static string DecodeAll(ReadOnlySpan<char> value)
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

            var (decoded, length) = Decode(value[i..]);
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
