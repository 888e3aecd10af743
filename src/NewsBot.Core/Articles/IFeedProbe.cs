namespace NewsBot.Core.Articles;

/// <summary>Checks a web address before it becomes a source: is it a feed, or a page that names one?</summary>
public interface IFeedProbe
{
    Task<FeedProbeResult> ProbeAsync(string url, CancellationToken cancellationToken);
}

/// <param name="FeedUrl">The feed's own address: the one given, or the one a web page pointed to.</param>
/// <param name="Problem">Why it is not usable when <see cref="FeedUrl"/> is null: a <see cref="StoredText"/>, read in the reader's language.</param>
/// <param name="DiscoveredFromPage">True when the address given was a web page and the feed was found through its links.</param>
public sealed record FeedProbeResult(string? FeedUrl, string? Title, int ItemCount, string? Problem, bool DiscoveredFromPage)
{
    public bool IsFeed => FeedUrl is not null;
}
