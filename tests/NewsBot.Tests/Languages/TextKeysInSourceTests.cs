using System.Text.RegularExpressions;

namespace NewsBot.Tests.Languages;

/// <summary>Every text key the code names exists in English, so no one sees a key instead of words.</summary>
public sealed partial class TextKeysInSourceTests
{
    /// <summary>Names that look like keys but are not texts: the stored state of Telegram's update offset.</summary>
    private static readonly string[] NotKeys = ["telegram.offset"];

    [Fact]
    public void EveryKeyTheCodeNames_IsInEnglish()
    {
        var english = LanguageCatalog.Default.English.Texts.Keys.ToList();
        var groups = english.Select(k => k.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        var named = SourceLiterals.In("src")
            .Where(l => !l.IsInterpolated && KeyShape().IsMatch(l.Text) && groups.Contains(l.Text.Split('.')[0]) && !NotKeys.Contains(l.Text))
            .ToList();

        var unknown = named
            .Where(l => l.Text.EndsWith('.') ? !english.Any(k => k.StartsWith(l.Text, StringComparison.Ordinal)) : !english.Contains(l.Text))
            .Select(l => $"{l.File}:{l.Line} {l.Text}")
            .ToList();

        Assert.True(named.Count > 200, $"Only {named.Count} keys found: the scan must be looking in the wrong place.");
        Assert.True(unknown.Count == 0, "Keys English does not have:\n" + string.Join("\n", unknown));
    }

    [GeneratedRegex(@"^[a-z][a-zA-Z]*(\.[a-zA-Z]+)+\.?$|^[a-z][a-zA-Z]*\.$")]
    private static partial Regex KeyShape();
}
