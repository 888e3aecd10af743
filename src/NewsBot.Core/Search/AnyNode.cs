namespace NewsBot.Core.Search;

/// <summary><c>a OR b</c>: articles that any of the parts matches.</summary>
public sealed class AnyNode(IReadOnlyList<QueryNode> parts) : GroupNode(parts)
{
    public override bool Matches(ArticleTerms article)
    {
        foreach (var part in Parts)
        {
            if (part.Matches(article))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Each part's keys together, when every part has some.</summary>
    public override IReadOnlyList<string>? Anchors()
    {
        var keys = new List<string>();
        foreach (var part in Parts)
        {
            if (part.Anchors() is not { } anchors)
            {
                return null;
            }

            keys.AddRange(anchors);
        }

        return keys.Distinct(StringComparer.Ordinal).ToList();
    }

    public override string ToString() => string.Join(" OR ", Parts.Select(p => p is AllNode ? "(" + p + ")" : p.ToString()));
}
