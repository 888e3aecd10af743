using NewsBot.Core.Articles;

namespace NewsBot.Core.Search;

/// <summary>
/// The newest-first lists of story leads: all of them, and per topic. A later report of a story
/// stays out, so each story shows once. Not thread-safe on its own: <see cref="ArticleIndex"/>
/// guards it.
/// </summary>
internal sealed class DateLists
{
    // Batches this large go in as one sorted merge instead of one tree insert per article.
    private const int BulkListThreshold = 256;

    private readonly Dictionary<string, SortedSet<DateKey>> _byTopic = new(StringComparer.Ordinal);
    private SortedSet<DateKey> _byDate = new(NewestFirst.Instance);

    public void Add(DateKey key, string[] topics)
    {
        var pending = new PendingLists();
        pending.Add(key, topics);
        Add(pending);
    }

    public void Add(PendingLists pending)
    {
        _byDate = Merge(_byDate, pending.All);
        foreach (var (topic, keys) in pending.ByTopic)
        {
            _byTopic[topic] = _byTopic.TryGetValue(topic, out var set) ? Merge(set, keys) : Merge(new SortedSet<DateKey>(NewestFirst.Instance), keys);
        }
    }

    public void Remove(DateKey key, string[] topics)
    {
        _byDate.Remove(key);
        foreach (var topic in topics)
        {
            if (_byTopic.TryGetValue(topic, out var set))
            {
                set.Remove(key);
                if (set.Count == 0)
                {
                    _byTopic.Remove(topic);
                }
            }
        }
    }

    public IndexPage Latest(int skip, int take) => Page(_byDate, skip, take);

    /// <summary>An unknown topic gives an empty page.</summary>
    public IndexPage LatestInTopic(string topic, int skip, int take) =>
        _byTopic.TryGetValue(TopicNames.Normalize(topic), out var set) ? Page(set, skip, take) : new IndexPage([], 0);

    /// <summary>Every topic with its count, largest first.</summary>
    public List<TopicCount> Topics() =>
        _byTopic
            .Select(pair => new TopicCount(pair.Key, pair.Value.Count))
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.Topic, StringComparer.Ordinal)
            .ToList();

    private static SortedSet<DateKey> Merge(SortedSet<DateKey> set, List<DateKey> keys)
    {
        if (keys.Count < BulkListThreshold)
        {
            foreach (var key in keys)
            {
                set.Add(key);
            }

            return set;
        }

        // Sorting once and building the tree from the sorted keys is far cheaper than a tree
        // insert per key; UnionWith merges two sets with the same comparer in linear time.
        var added = new SortedSet<DateKey>(keys, NewestFirst.Instance);
        if (set.Count == 0)
        {
            return added;
        }

        set.UnionWith(added);
        return set;
    }

    private static IndexPage Page(SortedSet<DateKey> set, int skip, int take)
    {
        var ids = new List<int>(Math.Max(0, Math.Min(take, set.Count)));
        if (take > 0 && skip < set.Count)
        {
            var index = 0;
            foreach (var key in set)
            {
                if (index++ < skip)
                {
                    continue;
                }

                ids.Add(key.Id);
                if (ids.Count == take)
                {
                    break;
                }
            }
        }

        return new IndexPage(ids, set.Count);
    }
}
