namespace NewsBot.Core.Search;

/// <summary>
/// Articles share their topic arrays: there are few combinations of a few topics. Hands out one
/// normalised, duplicate-free array per combination.
/// </summary>
internal sealed class TopicSets
{
    private readonly Dictionary<string[], string[]> _sets = new(SameTopics.Instance);
    private readonly Dictionary<string[], string[]>.AlternateLookup<IReadOnlyList<string>> _asStored;

    public TopicSets()
    {
        _asStored = _sets.GetAlternateLookup<IReadOnlyList<string>>();
    }

    public string[] Share(IReadOnlyList<string> raw)
    {
        if (raw.Count == 0)
        {
            return [];
        }

        // Stored topics are normalised already: their set is found without building it again.
        if (_asStored.TryGetValue(raw, out var known))
        {
            return known;
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

    /// <summary>
    /// Equal topic arrays; a raw list equals a set when it is that set exactly, already
    /// normalised and without duplicates (any other list is normalised first).
    /// </summary>
    private sealed class SameTopics : IEqualityComparer<string[]>, IAlternateEqualityComparer<IReadOnlyList<string>, string[]>
    {
        public static readonly SameTopics Instance = new();

        public bool Equals(string[]? x, string[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] topics) => GetHashCode((IReadOnlyList<string>)topics);

        public bool Equals(IReadOnlyList<string> alternate, string[] other)
        {
            if (alternate.Count != other.Length)
            {
                return false;
            }

            for (var i = 0; i < other.Length; i++)
            {
                if (!string.Equals(alternate[i], other[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(IReadOnlyList<string> alternate)
        {
            var hash = new HashCode();
            for (var i = 0; i < alternate.Count; i++)
            {
                hash.Add(alternate[i], StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }

        // Sets are added only once normalised, never straight from a raw list.
        public string[] Create(IReadOnlyList<string> alternate) => throw new NotSupportedException();
    }
}
