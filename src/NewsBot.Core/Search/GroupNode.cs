namespace NewsBot.Core.Search;

/// <summary>A node made of parts (<see cref="AllNode"/>, <see cref="AnyNode"/>): it holds what each part holds.</summary>
public abstract class GroupNode(IReadOnlyList<QueryNode> parts) : QueryNode
{
    public IReadOnlyList<QueryNode> Parts { get; } = parts;

    public override int Terms => Parts.Sum(p => p.Terms);

    public override bool UsesSources => Parts.Any(p => p.UsesSources);

    public override IEnumerable<string> RankingWords() => Parts.SelectMany(p => p.RankingWords());
}
