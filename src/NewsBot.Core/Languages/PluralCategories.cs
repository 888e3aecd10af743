namespace NewsBot.Core.Languages;

/// <summary>The six plural categories CLDR knows.</summary>
public static class PluralCategories
{
    public static IReadOnlyList<string> All { get; } = ["zero", "one", "two", "few", "many", PluralRules.Other];

    public static bool IsKnown(string category) => All.Contains(category, StringComparer.Ordinal);
}
