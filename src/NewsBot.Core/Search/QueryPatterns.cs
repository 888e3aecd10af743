using System.Text.RegularExpressions;

namespace NewsBot.Core.Search;

/// <summary>
/// Makes the regular expressions of <c>/…/</c> patterns safe to run on anything: they run on
/// .NET's non-backtracking engine, whose time grows with the text and never with the pattern's
/// choices (so <c>(a+)+$</c> cannot stall the bot), are at most <see cref="MaxLength"/>
/// characters, and give up after <see cref="MatchTimeout"/>.
/// </summary>
public static class QueryPatterns
{
    public const int MaxLength = 100;

    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(50);

    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>The pattern made into a regular expression, or why it cannot be one.</summary>
    /// <param name="offset">Where in the pattern the mistake is (0-based), when the engine says.</param>
    public static Regex? TryCreate(string pattern, out QueryErrorKind? problem, out int offset)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        offset = 0;
        problem = null;
        if (pattern.Length > MaxLength)
        {
            problem = QueryErrorKind.PatternTooLong;
            return null;
        }

        try
        {
            return new Regex(WithoutAccents(pattern), Options, MatchTimeout);
        }
        catch (RegexParseException ex)
        {
            problem = QueryErrorKind.BadPattern;
            offset = Math.Clamp(ex.Offset - 1, 0, pattern.Length);
            return null;
        }
        catch (NotSupportedException)
        {
            // Look-arounds, back-references, atomic groups and the like: the non-backtracking engine has none.
            problem = QueryErrorKind.UnsupportedPattern;
            return null;
        }
        catch (ArgumentException)
        {
            problem = QueryErrorKind.BadPattern;
            return null;
        }
    }

    public static bool IsMatch(Regex regex, string word)
    {
        ArgumentNullException.ThrowIfNull(regex);
        try
        {
            return regex.IsMatch(word);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Words are matched without their accents, so the pattern's own letters lose theirs too (<c>zürich</c> finds "Zürich").</summary>
    private static string WithoutAccents(string pattern)
    {
        if (System.Text.Ascii.IsValid(pattern))
        {
            return pattern;
        }

        var builder = new StringBuilder(pattern.Length);
        foreach (var c in pattern.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
