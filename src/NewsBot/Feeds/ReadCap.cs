namespace NewsBot.Feeds;

/// <summary>
/// Keeps one read of a feed to Feeds:MaxItemsPerRead items: the newest by date, then undated items
/// in the feed's order (feeds list their newest first), returned in the feed's order.
/// </summary>
internal static class ReadCap
{
    public static IReadOnlyList<FeedEntry> Newest(IReadOnlyList<FeedEntry> entries, int max)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count <= max)
        {
            return entries;
        }

        var kept = Enumerable.Range(0, entries.Count)
            .OrderBy(i => (entries[i].Published ?? entries[i].Updated) is null ? 1 : 0)
            .ThenByDescending(i => entries[i].Published ?? entries[i].Updated)
            .ThenBy(i => i)
            .Take(max)
            .Order()
            .Select(i => entries[i])
            .ToList();
        return kept;
    }
}
