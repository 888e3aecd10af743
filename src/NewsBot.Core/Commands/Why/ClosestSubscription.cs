namespace NewsBot.Core.Commands.Why;

/// <summary>
/// Of a chat's subscriptions that do not match an article, the one that comes closest, and
/// what keeps it from matching: the topic it is not in, the words it lacks, the exclusion it hits.
/// </summary>
public static class ClosestSubscription
{
    public static (Subscription Subscription, string Reason)? Find(IReadOnlyList<Subscription> subscriptions, Article article)
    {
        if (subscriptions.Count == 0)
        {
            return null;
        }

        var title = TextTokenizer.Tokenize(article.Title);
        var summary = TextTokenizer.Tokenize(article.Summary);
        var words = new HashSet<string>(title, StringComparer.Ordinal);
        words.UnionWith(summary);
        var text = string.Join(' ', title) + " | " + string.Join(' ', summary);

        (Subscription Subscription, string Reason, double Score)? best = null;
        foreach (var subscription in subscriptions)
        {
            var (score, reason) = subscription.Kind == SubscriptionKind.Topic
                ? TopicGap(subscription, article)
                : WordsGap(subscription, words, text);
            if (best is null || score > best.Value.Score)
            {
                best = (subscription, reason, score);
            }
        }

        return (best!.Value.Subscription, best.Value.Reason);
    }

    private static (double Score, string Reason) TopicGap(Subscription subscription, Article article)
    {
        var topics = article.Topics.Count == 0 ? "no topic" : "topics " + string.Join(", ", article.Topics);
        return (0, $"it follows topic {subscription.Query}, and this article is in {topics}");
    }

    private static (double Score, string Reason) WordsGap(Subscription subscription, HashSet<string> words, string text)
    {
        var query = SearchQuery.Parse(subscription.Query);
        var missing = query.Words.Where(w => !words.Contains(w))
            .Concat(query.Phrases.Select(p => string.Join(' ', p)).Where(p => !text.Contains(p, StringComparison.Ordinal)).Select(p => $"\"{p}\""))
            .ToList();
        var excluded = query.ExcludedWords.Where(words.Contains)
            .Concat(query.ExcludedPhrases.Select(p => string.Join(' ', p)).Where(p => text.Contains(p, StringComparison.Ordinal)).Select(p => $"\"{p}\""))
            .ToList();
        var positives = Math.Max(1, query.Words.Count + query.Phrases.Count);
        var score = (positives - missing.Count) / (double)positives - (excluded.Count > 0 ? 0.5 : 0);
        var parts = new List<string>();
        if (missing.Count > 0)
        {
            parts.Add("the article lacks " + string.Join(", ", missing));
        }

        if (excluded.Count > 0)
        {
            parts.Add("it has the excluded " + string.Join(", ", excluded));
        }

        var reason = parts.Count > 0 ? string.Join(" and ", parts) : "it does not match as a whole";
        return (score, $"it looks for {subscription.Query}, and {reason}");
    }
}
