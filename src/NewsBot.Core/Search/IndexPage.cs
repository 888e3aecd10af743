namespace NewsBot.Core.Search;

/// <summary>One page of article ids, newest or best first, and how many there are in all.</summary>
public sealed record IndexPage(IReadOnlyList<int> Ids, int Total);
