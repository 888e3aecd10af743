namespace NewsBot.Feeds;

/// <summary>What the streaming reader found in an XML feed, before normalisation.</summary>
/// <param name="Error">Why reading stopped before the end (an XML error, too deep), or null when it read it all.</param>
internal sealed record RawFeed(
    string RootName,
    string RootNamespace,
    string? Version,
    IReadOnlySet<string> RootDeclarations,
    RawText? Title,
    IReadOnlyList<RawLink> SiteLinks,
    string? Ttl,
    string? Author,
    IReadOnlyList<RawFeedItem> Items,
    string? Error);

/// <summary>The feed-level values and the items of a <see cref="RawFeed"/>, filled in as the format readers meet them.</summary>
internal sealed class RawFeedParts
{
    public RawText? Title { get; set; }

    public List<RawLink> SiteLinks { get; } = [];

    public string? Ttl { get; set; }

    public string? Author { get; set; }

    public List<RawFeedItem> Items { get; } = [];
}
