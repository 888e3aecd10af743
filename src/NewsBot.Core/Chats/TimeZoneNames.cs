namespace NewsBot.Core.Chats;

/// <summary>Looks up IANA time zone names without caring about case, and suggests close ones.</summary>
public static class TimeZoneNames
{
    private static readonly Lazy<IReadOnlyList<string>> KnownIds = new(() =>
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Append("UTC").Distinct(StringComparer.Ordinal).ToList());

    /// <summary>The zone's canonical id, or null when there is no such zone.</summary>
    public static string? Find(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > 64)
        {
            return null;
        }

        var exact = KnownIds.Value.FirstOrDefault(id => string.Equals(id, trimmed, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        // Accept "New York" or "new_york" for America/New_York when it is the only match.
        var underscored = trimmed.Replace(' ', '_');
        var bySuffix = KnownIds.Value.Where(id => id.EndsWith("/" + underscored, StringComparison.OrdinalIgnoreCase)).ToList();
        return bySuffix.Count == 1 ? bySuffix[0] : null;
    }

    public static IReadOnlyList<string> Suggest(string name, int max)
    {
        var needle = name.Trim().Replace(' ', '_');
        if (needle.Length < 3)
        {
            return [];
        }

        return KnownIds.Value
            .Where(id => id.Contains(needle, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Take(max)
            .ToList();
    }
}
