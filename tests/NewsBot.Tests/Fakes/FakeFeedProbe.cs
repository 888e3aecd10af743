namespace NewsBot.Tests.Fakes;

/// <summary>Answers probes from a table: URL → result; anything else is "not found".</summary>
public sealed class FakeFeedProbe : IFeedProbe
{
    public Dictionary<string, FeedProbeResult> Results { get; } = new(StringComparer.Ordinal);

    public List<string> Probed { get; } = [];

    public Task<FeedProbeResult> ProbeAsync(string url, CancellationToken cancellationToken)
    {
        Probed.Add(url);
        return Task.FromResult(Results.TryGetValue(url, out var result)
            ? result
            : new FeedProbeResult(null, null, 0, StoredText.Of("feedError.http", ("code", 404), ("phrase", "Not Found")), false));
    }
}
