namespace NewsBot.Core.Articles;

/// <summary>
/// Puts articles into the configured topics: a source's own topics, feed categories that name
/// a topic or one of its keywords, a keyword in the title, or two different keywords in the summary.
/// </summary>
public sealed class TopicClassifier
{
    private readonly IReadOnlyList<TopicRule> _rules;

    public TopicClassifier(IOptions<NewsBotOptions> options)
    {
        _rules = options.Value.Topics
            .Select(pair => new TopicRule(
                TopicNames.Normalize(pair.Key),
                pair.Value.Select(TextTokenizer.Tokenize).Where(t => t.Count > 0).Select(t => t.ToArray()).ToList()))
            .Where(rule => rule.Name.Length > 0)
            .ToList();
    }

    public bool IsKnownTopic(string name) => _rules.Any(r => r.Name == TopicNames.Normalize(name));

    public IReadOnlyList<string> Classify(string title, string summary, IEnumerable<string> categories, IEnumerable<string> sourceTopics)
    {
        var topics = new List<string>();
        foreach (var topic in sourceTopics)
        {
            AddOnce(topics, TopicNames.Normalize(topic));
        }

        var categoryTokens = categories.Select(TextTokenizer.Tokenize).Where(t => t.Count > 0).ToList();
        var titleTokens = TextTokenizer.Tokenize(title).ToArray();
        var summaryTokens = TextTokenizer.Tokenize(summary).ToArray();

        foreach (var rule in _rules)
        {
            var nameTokens = TextTokenizer.Tokenize(rule.Name);
            var byCategory = categoryTokens.Any(c => c.SequenceEqual(nameTokens) || rule.Keywords.Any(k => c.SequenceEqual(k)));
            var inTitle = rule.Keywords.Any(k => titleTokens.AsSpan().IndexOf(k) >= 0);
            var inSummary = rule.Keywords.Count(k => summaryTokens.AsSpan().IndexOf(k) >= 0);
            if (byCategory || inTitle || inSummary >= 2)
            {
                AddOnce(topics, rule.Name);
            }
        }

        return topics;
    }

    private static void AddOnce(List<string> topics, string topic)
    {
        if (topic.Length > 0 && !topics.Contains(topic))
        {
            topics.Add(topic);
        }
    }

    private sealed record TopicRule(string Name, IReadOnlyList<string[]> Keywords);
}
