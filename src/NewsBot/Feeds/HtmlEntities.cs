using AngleSharp.Html;

namespace NewsBot.Feeds;

/// <summary>
/// The HTML character references (the full HTML5 table of named entities, and numeric ones with
/// the browsers' repairs), for the text extractor and for HTML entities met in XML feeds.
/// </summary>
internal static class HtmlEntities
{
    /// <summary>The longest entity name in the HTML5 table is 31 characters.</summary>
    public const int MaxNameLength = 32;

    /// <summary>
    /// The text a named reference stands for (<paramref name="name"/> without '&amp;' and ';'), or
    /// null when HTML defines no such name.
    /// </summary>
    public static string? Named(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name.Length > MaxNameLength)
        {
            return null;
        }

        var key = string.Concat(name, ";");
        return HtmlEntityProvider.Resolver.GetSymbol(key);
    }

    /// <summary>
    /// A name that browsers also accept without its ';' (the legacy set: <c>&amp;amp</c>, <c>&amp;copy</c>, …):
    /// the longest such prefix of <paramref name="text"/>, or 0 when none.
    /// </summary>
    public static int LegacyPrefix(ReadOnlySpan<char> text, out string? value)
    {
        value = null;
        var limit = Math.Min(text.Length, 6);
        for (var length = limit; length >= 2; length--)
        {
            var symbol = HtmlEntityProvider.Resolver.GetSymbol(text[..length].ToString());
            if (symbol is not null)
            {
                value = symbol;
                return length;
            }
        }

        return 0;
    }

    /// <summary>
    /// The character of a numeric reference's digits (after '#', with 'x' for hexadecimal), or null
    /// when it names nothing printable. C1 numbers are read as Windows-1252, as browsers do.
    /// </summary>
    public static string? Numeric(ReadOnlySpan<char> digits)
    {
        var hex = digits.Length > 0 && digits[0] is 'x' or 'X';
        var number = hex ? digits[1..] : digits;
        if (number.IsEmpty || number.Length > 8
            || !int.TryParse(number, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        if (value is >= 0x80 and <= 0x9F)
        {
            var mapped = Windows1252.Map((byte)value);
            return mapped == '\0' ? null : mapped.ToString();
        }

        if (value is 0 or (>= 0xD800 and <= 0xDFFF) or > 0x10FFFF || (value < 0x20 && value is not ('\t' or '\n' or '\r')))
        {
            return null;
        }

        return new Rune(value).ToString();
    }
}
