namespace NewsBot.Core.Search;

/// <summary>Story leads waiting to go into the <see cref="DateLists"/> together, at the end of a batch.</summary>
internal sealed class PendingLists(int capacity = 0)
{
    public List<DateKey> All { get; } = new(capacity);

    public Dictionary<string, List<DateKey>> ByTopic { get; } = new(StringComparer.Ordinal);

    public void Add(DateKey key, string[] topics)
    {
        All.Add(key);
        foreach (var topic in topics)
        {
            if (!ByTopic.TryGetValue(topic, out var keys))
            {
                keys = [];
                ByTopic.Add(topic, keys);
            }

            keys.Add(key);
        }
    }
}
