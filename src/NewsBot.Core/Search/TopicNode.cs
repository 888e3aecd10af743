namespace NewsBot.Core.Search;

/// <summary><c>topic:climate</c>: articles filed under the topic.</summary>
public sealed class TopicNode(string topic) : QueryNode
{
    /// <summary>The topic, normalised.</summary>
    public string Topic { get; } = topic;

    public override int Terms => 1;

    public override bool Matches(ArticleTerms article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return article.Topics.Contains(Topic);
    }

    public override IReadOnlyList<string> Anchors() => ["t:" + Topic];

    public override string ToString() => "topic:" + (Topic.Contains(' ', StringComparison.Ordinal) ? "\"" + Topic + "\"" : Topic);
}
