namespace NewsBot.Core.Search;

/// <summary>Chooses among the key sets of parts that must all match: the fewest keys, then the longest (rarer) words.</summary>
internal static class Anchoring
{
    public static IReadOnlyList<string>? Best(IEnumerable<IReadOnlyList<string>?> candidates) =>
        candidates
            .OfType<IReadOnlyList<string>>()
            .OrderBy(keys => keys.Count)
            .ThenByDescending(keys => keys.Min(k => k.Length))
            .FirstOrDefault();
}
