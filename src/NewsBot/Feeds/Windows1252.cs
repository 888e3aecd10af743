namespace NewsBot.Feeds;

/// <summary>
/// The "smart" punctuation that Windows-1252 puts where ISO-8859-1 has C1 control codes. Browsers
/// read both labels as Windows-1252, and so do numeric references such as <c>&amp;#150;</c>.
/// </summary>
internal static class Windows1252
{
    private const string C1 =
        "\u20AC\0\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\0\u017D\0" +
        "\0\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\0\u017E\u0178";

    /// <summary>The character for a byte 0x80–0x9F, or '\0' for the five that Windows-1252 leaves undefined.</summary>
    public static char Map(byte value) => value is >= 0x80 and <= 0x9F ? C1[value - 0x80] : (char)value;
}
