namespace NewsBot.Core.Search;

/// <summary><c>(a b)</c>: articles that every part matches.</summary>
public sealed class AllNode(IReadOnlyList<QueryNode> parts) : GroupNode(parts)
{
    public override bool Matches(ArticleTerms article)
    {
        foreach (var part in Parts)
        {
            if (!part.Matches(article))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The smallest set of keys any part has: every match has all parts, so one of those keys.</summary>
    public override IReadOnlyList<string>? Anchors() => Anchoring.Best(Parts.Select(p => p.Anchors()));

    public override string ToString() => string.Join(' ', Parts.Select(p => p is AnyNode ? "(" + p + ")" : p.ToString()));
}
