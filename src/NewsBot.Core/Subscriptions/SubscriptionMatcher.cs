namespace NewsBot.Core.Subscriptions;

/// <summary>
/// Finds the subscriptions an article matches without looking at every subscription: topic
/// subscriptions are filed under their topic, keyword subscriptions under one "anchor" word
/// that any match must contain, so the cost grows with the matches, not with the number of
/// subscriptions. A query without plain words or phrases is filed under the keys one of which
/// every match has (each side of an <c>OR</c>, a <c>source:</c>, a <c>topic:</c>), and one with
/// none (a pattern alone) in a bucket every article looks at. A keyword subscription matches
/// when the article has every word and phrase of the query, none of its exclusions, and
/// matches its other parts (the /search language, read strictly: a push is a promise, a search
/// is a ranking). Safe for concurrent readers and writers.
/// </summary>
public sealed class SubscriptionMatcher : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, Dictionary<int, Subscription>> _byTopic = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<int, KeywordRule>> _byAnchor = new(StringComparer.Ordinal);

    // Queries no key leads to: every article is tried against them.
    private readonly Dictionary<int, KeywordRule> _everywhere = [];

    // The buckets each subscription is filed in, to remove it from there.
    private readonly Dictionary<int, System.Collections.IDictionary[]> _bucketsOf = [];

    public int Count
    {
        get
        {
            using (_lock.Reading())
            {
                return _bucketsOf.Count;
            }
        }
    }

    public void Add(Subscription subscription) => AddRange([subscription]);

    public void AddRange(IEnumerable<Subscription> subscriptions) => Write(subscriptions, replaceAll: false);

    /// <summary>Holds exactly <paramref name="subscriptions"/> from now on.</summary>
    public void Reload(IEnumerable<Subscription> subscriptions) => Write(subscriptions, replaceAll: true);

    private void Write(IEnumerable<Subscription> subscriptions, bool replaceAll)
    {
        // Many subscribers type the same query: parsed once, it is held once.
        var parsed = new Dictionary<string, SearchQuery>(StringComparer.Ordinal);
        using (_lock.Writing())
        {
            if (replaceAll)
            {
                _byTopic.Clear();
                _byAnchor.Clear();
                _everywhere.Clear();
                _bucketsOf.Clear();
            }

            foreach (var subscription in subscriptions)
            {
                RemoveUnlocked(subscription.Id);
                if (subscription.Kind == SubscriptionKind.Topic)
                {
                    var topicBucket = Bucket(_byTopic, TopicNames.Normalize(subscription.Query));
                    topicBucket[subscription.Id] = subscription;
                    _bucketsOf[subscription.Id] = [topicBucket];
                    continue;
                }

                if (!parsed.TryGetValue(subscription.Query, out var query))
                {
                    query = SearchQuery.Parse(subscription.Query);
                    parsed.Add(subscription.Query, query);
                }

                if (query.IsEmpty)
                {
                    continue;
                }

                var anchors = query.Anchors();
                var rule = new KeywordRule(subscription, query, anchors is { Count: > 1 });
                if (anchors is null)
                {
                    _everywhere[subscription.Id] = rule;
                    _bucketsOf[subscription.Id] = [_everywhere];
                    continue;
                }

                var buckets = new System.Collections.IDictionary[anchors.Count];
                for (var i = 0; i < anchors.Count; i++)
                {
                    var anchorBucket = Bucket(_byAnchor, anchors[i]);
                    anchorBucket[subscription.Id] = rule;
                    buckets[i] = anchorBucket;
                }

                _bucketsOf[subscription.Id] = buckets;
            }
        }
    }

    public void Remove(IEnumerable<int> subscriptionIds)
    {
        using (_lock.Writing())
        {
            foreach (var id in subscriptionIds)
            {
                RemoveUnlocked(id);
            }
        }
    }

    /// <summary>Every subscription the article matches.</summary>
    public IReadOnlyList<Subscription> Match(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var terms = ArticleTerms.Of(article);
        var matches = new List<Subscription>();

        // A rule filed under several keys is met once per key the article has: counted once.
        HashSet<int>? seen = null;
        using (_lock.Reading())
        {
            foreach (var topic in article.Topics)
            {
                if (_byTopic.TryGetValue(TopicNames.Normalize(topic), out var subscribers))
                {
                    matches.AddRange(subscribers.Values);
                }
            }

            foreach (var key in Keys(terms))
            {
                if (!_byAnchor.TryGetValue(key, out var rules))
                {
                    continue;
                }

                foreach (var rule in rules.Values)
                {
                    if ((!rule.ManyKeys || (seen ??= []).Add(rule.Subscription.Id)) && rule.Query.Matches(terms))
                    {
                        matches.Add(rule.Subscription);
                    }
                }
            }

            foreach (var rule in _everywhere.Values)
            {
                if (rule.Query.Matches(terms))
                {
                    matches.Add(rule.Subscription);
                }
            }
        }

        return matches;
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>The keys an article can be filed under: its words, its source and its topics.</summary>
    private static IEnumerable<string> Keys(ArticleTerms terms)
    {
        foreach (var word in terms.Words)
        {
            yield return word;
        }

        yield return "s:" + terms.SourceKey;
        foreach (var topic in terms.Topics)
        {
            yield return "t:" + topic;
        }
    }

    private void RemoveUnlocked(int id)
    {
        if (_bucketsOf.Remove(id, out var buckets))
        {
            foreach (var bucket in buckets)
            {
                bucket.Remove(id);
            }
        }
    }

    private static Dictionary<int, T> Bucket<T>(Dictionary<string, Dictionary<int, T>> buckets, string key)
    {
        if (!buckets.TryGetValue(key, out var bucket))
        {
            bucket = [];
            buckets.Add(key, bucket);
        }

        return bucket;
    }

    /// <param name="ManyKeys">Filed under several keys, so an article can meet it more than once.</param>
    private sealed record KeywordRule(Subscription Subscription, SearchQuery Query, bool ManyKeys);
}
