namespace NewsBot.Core.Subscriptions;

/// <summary>
/// Finds the subscriptions an article matches without looking at every subscription: topic
/// subscriptions are filed under their topic, keyword subscriptions under one "anchor" word
/// that any match must contain, so the cost grows with the matches, not with the number of
/// subscriptions. A keyword subscription matches when the article has every word and phrase
/// of the query and none of its exclusions (the /search language, read strictly: a push is a
/// promise, a search is a ranking). Safe for concurrent readers and writers.
/// </summary>
public sealed class SubscriptionMatcher : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, Dictionary<int, Subscription>> _byTopic = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<int, KeywordRule>> _byAnchor = new(StringComparer.Ordinal);

    // The bucket each subscription is filed in, to remove it from there.
    private readonly Dictionary<int, System.Collections.IDictionary> _bucketOf = [];

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _bucketOf.Count;
            }
            finally
            {
                _lock.ExitReadLock();
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
        _lock.EnterWriteLock();
        try
        {
            if (replaceAll)
            {
                _byTopic.Clear();
                _byAnchor.Clear();
                _bucketOf.Clear();
            }

            foreach (var subscription in subscriptions)
            {
                RemoveUnlocked(subscription.Id);
                if (subscription.Kind == SubscriptionKind.Topic)
                {
                    var topicBucket = Bucket(_byTopic, TopicNames.Normalize(subscription.Query));
                    topicBucket[subscription.Id] = subscription;
                    _bucketOf[subscription.Id] = topicBucket;
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

                var anchor = query.Words.Concat(query.Phrases.SelectMany(p => p)).MaxBy(t => t.Length)!;
                var anchorBucket = Bucket(_byAnchor, anchor);
                anchorBucket[subscription.Id] = new KeywordRule(subscription, query);
                _bucketOf[subscription.Id] = anchorBucket;
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Remove(IEnumerable<int> subscriptionIds)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var id in subscriptionIds)
            {
                RemoveUnlocked(id);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Every subscription the article matches.</summary>
    public IReadOnlyList<Subscription> Match(Article article)
    {
        var title = TextTokenizer.Tokenize(article.Title);
        var summary = TextTokenizer.Tokenize(article.Summary);
        var words = new HashSet<string>(title, StringComparer.Ordinal);
        words.UnionWith(summary);

        var matches = new List<Subscription>();
        _lock.EnterReadLock();
        try
        {
            foreach (var topic in article.Topics)
            {
                if (_byTopic.TryGetValue(TopicNames.Normalize(topic), out var subscribers))
                {
                    matches.AddRange(subscribers.Values);
                }
            }

            foreach (var word in words)
            {
                if (!_byAnchor.TryGetValue(word, out var rules))
                {
                    continue;
                }

                foreach (var rule in rules.Values)
                {
                    if (Satisfies(rule.Query, words, title, summary))
                    {
                        matches.Add(rule.Subscription);
                    }
                }
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }

        return matches;
    }

    /// <summary>Whether a keyword query matches an article under the strict reading used for pushes.</summary>
    public static bool Satisfies(SearchQuery query, IReadOnlySet<string> words, IReadOnlyList<string> title, IReadOnlyList<string> summary)
    {
        foreach (var word in query.Words)
        {
            if (!words.Contains(word))
            {
                return false;
            }
        }

        foreach (var phrase in query.Phrases)
        {
            if (!ContainsPhrase(title, phrase) && !ContainsPhrase(summary, phrase))
            {
                return false;
            }
        }

        foreach (var word in query.ExcludedWords)
        {
            if (words.Contains(word))
            {
                return false;
            }
        }

        foreach (var phrase in query.ExcludedPhrases)
        {
            if (ContainsPhrase(title, phrase) || ContainsPhrase(summary, phrase))
            {
                return false;
            }
        }

        return true;
    }

    public void Dispose() => _lock.Dispose();

    private static bool ContainsPhrase(IReadOnlyList<string> tokens, IReadOnlyList<string> phrase)
    {
        for (var start = 0; start + phrase.Count <= tokens.Count; start++)
        {
            var all = true;
            for (var i = 0; i < phrase.Count && all; i++)
            {
                all = string.Equals(tokens[start + i], phrase[i], StringComparison.Ordinal);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private void RemoveUnlocked(int id)
    {
        if (_bucketOf.Remove(id, out var bucket))
        {
            bucket.Remove(id);
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

    private sealed record KeywordRule(Subscription Subscription, SearchQuery Query);
}
