namespace NewsBot.Core.Search;

/// <summary>
/// Articles share their topic arrays: there are few combinations of a few topics. Hands out one
/// normalised, duplicate-free array per combination.
/// </summary>
internal sealed class TopicSets
{
    private readonly Dictionary<string[], string[]> _sets = new(SameTopics.Instance);

    public string[] Share(IReadOnlyList<string> raw)
    {
        if (raw.Count == 0)
        {
            return [];
        }

        var topics = new List<string>(raw.Count);
        foreach (var topic in raw)
        {
            var normalized = TopicNames.Normalize(topic);
            if (!topics.Contains(normalized))
            {
                topics.Add(normalized);
            }
        }

        string[] set = [.. topics];
        if (_sets.TryGetValue(set, out var shared))
        {
            return shared;
        }

        _sets.Add(set, set);
        return set;
    }

    private sealed class SameTopics : IEqualityComparer<string[]>
    {
        public static readonly SameTopics Instance = new();

        public bool Equals(string[]? x, string[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] topics)
        {
            var hash = new HashCode();
            foreach (var topic in topics)
            {
                hash.Add(topic, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
