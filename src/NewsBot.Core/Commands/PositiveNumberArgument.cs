namespace NewsBot.Core.Commands;

/// <summary>
/// Reads a number typed after a command, as in <c>/read 42</c> or <c>/latest 2</c>: a whole number
/// with an optional sign, read alike in every language. Each command answers what is not a
/// positive number in its own words.
/// </summary>
internal static class PositiveNumberArgument
{
    public enum Typed
    {
        Nothing,
        NotANumber,
        BelowOne,
        Positive,
    }

    /// <param name="value">The number typed, when the word is one; zero otherwise.</param>
    public static Typed Read(string word, out long value)
    {
        value = 0;
        if (word.Length == 0)
        {
            return Typed.Nothing;
        }

        if (!long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return Typed.NotANumber;
        }

        return value < 1 ? Typed.BelowOne : Typed.Positive;
    }
}
