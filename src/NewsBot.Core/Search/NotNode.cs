namespace NewsBot.Core.Search;

/// <summary><c>-part</c>: articles the part does not match.</summary>
public sealed class NotNode(QueryNode part) : QueryNode
{
    public QueryNode Part { get; } = part;

    public override int Terms => Part.Terms;

    public override bool UsesSources => Part.UsesSources;

    public override bool Matches(ArticleTerms article) => !Part.Matches(article);

    public override IReadOnlyList<string>? Anchors() => null;

    public override string ToString() => Part is GroupNode ? "-(" + Part + ")" : "-" + Part;
}
