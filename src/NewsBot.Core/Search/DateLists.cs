namespace NewsBot.Core.Search;

/// <summary>
/// The newest-first lists of story leads: all of them, and per topic. A later report of a story
/// stays out, so each story shows once. Not thread-safe on its own: <see cref="ArticleIndex"/>
/// guards it.
/// </summary>
internal sealed class DateLists
{
    private readonly Dictionary<string, DateList> _byTopic = new(StringComparer.Ordinal);
    private readonly DateList _byDate = new();

    public void Add(DateKey key, string[] topics)
    {
        _byDate.Add(key);
        foreach (var topic in topics)
        {
            Topic(topic).Add(key);
        }
    }

    public void Add(PendingLists pending)
    {
        _byDate.AddRange(pending.All);
        foreach (var (topic, keys) in pending.ByTopic)
        {
            Topic(topic).AddRange(keys);
        }
    }

    public void Remove(DateKey key, string[] topics)
    {
        _byDate.Remove(key);
        foreach (var topic in topics)
        {
            if (_byTopic.TryGetValue(topic, out var list) && list.Remove(key) && list.Count == 0)
            {
                _byTopic.Remove(topic);
            }
        }
    }

    public IndexPage Latest(int skip, int take) => Page(_byDate, skip, take);

    /// <summary>An unknown topic gives an empty page.</summary>
    public IndexPage LatestInTopic(string topic, int skip, int take) =>
        _byTopic.TryGetValue(TopicNames.Normalize(topic), out var list) ? Page(list, skip, take) : new IndexPage([], 0);

    /// <summary>Every topic with its count, largest first.</summary>
    public List<TopicCount> Topics() =>
        _byTopic
            .Select(pair => new TopicCount(pair.Key, pair.Value.Count))
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.Topic, StringComparer.Ordinal)
            .ToList();

    private static IndexPage Page(DateList list, int skip, int take) => new(list.Page(skip, take), list.Count);

    private DateList Topic(string topic)
    {
        if (!_byTopic.TryGetValue(topic, out var list))
        {
            list = new DateList();
            _byTopic.Add(topic, list);
        }

        return list;
    }
}
