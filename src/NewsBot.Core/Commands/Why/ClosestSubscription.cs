namespace NewsBot.Core.Commands.Why;

/// <summary>
/// Of a chat's subscriptions that do not match an article, the one that comes closest, and
/// what keeps it from matching: the topic it is not in, the words it lacks, the exclusion it hits.
/// </summary>
public static class ClosestSubscription
{
    public static (Subscription Subscription, string Reason)? Find(IReadOnlyList<Subscription> subscriptions, Article article, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (subscriptions.Count == 0)
        {
            return null;
        }

        var title = TextTokenizer.Tokenize(article.Title);
        var summary = TextTokenizer.Tokenize(article.Summary);
        var words = new HashSet<string>(title, StringComparer.Ordinal);
        words.UnionWith(summary);
        var text = string.Join(' ', title) + " | " + string.Join(' ', summary);
        var terms = new ArticleTerms(title, summary, article.SourceName, article.Topics);

        (Subscription Subscription, string Reason, double Score)? best = null;
        foreach (var subscription in subscriptions)
        {
            var (score, reason) = subscription.Kind == SubscriptionKind.Topic
                ? TopicGap(subscription, article, texts)
                : WordsGap(subscription, words, text, terms, texts);
            if (best is null || score > best.Value.Score)
            {
                best = (subscription, reason, score);
            }
        }

        return (best!.Value.Subscription, best.Value.Reason);
    }

    private static (double Score, string Reason) TopicGap(Subscription subscription, Article article, Texts t)
    {
        var topics = article.Topics.Count == 0 ? t.Get("why.noTopic") : t.Get("why.topics", ("topics", t.List(article.Topics.Select(t.Topic))));
        return (0, t.Get("why.topicGap", ("topic", t.Topic(subscription.Query)), ("topics", topics)));
    }

    private static (double Score, string Reason) WordsGap(Subscription subscription, HashSet<string> words, string text, ArticleTerms terms, Texts t)
    {
        var query = SearchQuery.Parse(subscription.Query);

        // A field, OR group or pattern the article fails is named as the query reads it back (topic:climate).
        var missing = query.Words.Where(w => !words.Contains(w))
            .Concat(query.Phrases.Select(p => string.Join(' ', p)).Where(p => !text.Contains(p, StringComparison.Ordinal)).Select(p => $"\"{p}\""))
            .Concat(query.Filters.Where(f => !f.Matches(terms)).Select(f => f.ToString()))
            .ToList();
        var excluded = query.ExcludedWords.Where(words.Contains)
            .Concat(query.ExcludedPhrases.Select(p => string.Join(' ', p)).Where(p => text.Contains(p, StringComparison.Ordinal)).Select(p => $"\"{p}\""))
            .ToList();
        var positives = Math.Max(1, query.Words.Count + query.Phrases.Count + query.Filters.Count);
        var score = (positives - missing.Count) / (double)positives - (excluded.Count > 0 ? 0.5 : 0);
        var parts = new List<string>();
        if (missing.Count > 0)
        {
            parts.Add(t.Get("why.lacks", ("words", t.List(missing))));
        }

        if (excluded.Count > 0)
        {
            parts.Add(t.Get("why.excluded", ("words", t.List(excluded))));
        }

        var reason = parts.Count switch
        {
            0 => t.Get("why.notWhole"),
            1 => parts[0],
            _ => t.Get("why.both", ("first", parts[0]), ("second", parts[1])),
        };
        return (score, t.Get("why.wordsGap", ("query", subscription.Query), ("reason", reason)));
    }
}
