namespace NewsBot.Benchmarks.Ingest;

/// <summary>
/// The fetch step alone: <see cref="FeedFetcher.FetchAsync(string, FetchConditions?, CancellationToken)"/>
/// for every source with the poller's concurrency, nothing parsed or stored, the bodies dropped
/// as they arrive. Its CPU time is the fetch share of a cycle.
/// </summary>
internal static class FetchOnly
{
    public static async Task<FetchPass> RunAsync(
        FeedFetcher fetcher,
        IReadOnlyList<(string Url, FetchConditions Conditions)> requests,
        int concurrency,
        CancellationToken cancellationToken)
    {
        var next = -1;
        var ok = 0;
        var notModified = 0;
        var failed = 0;
        var bytes = 0L;
        string? firstFailure = null;
        var meter = ResourceMeter.Start();
        var workers = Enumerable.Range(0, Math.Min(concurrency, requests.Count)).Select(async _ =>
        {
            int at;
            while ((at = Interlocked.Increment(ref next)) < requests.Count)
            {
                var (url, conditions) = requests[at];
                switch (await fetcher.FetchAsync(url, conditions, cancellationToken))
                {
                    case FetchResult.Success success:
                        Interlocked.Increment(ref ok);
                        Interlocked.Add(ref bytes, success.Content.Length);
                        break;
                    case FetchResult.NotModified:
                        Interlocked.Increment(ref notModified);
                        break;
                    case FetchResult.Failure failure:
                        Interlocked.Increment(ref failed);
                        Interlocked.CompareExchange(ref firstFailure, $"{url}: {NewsBot.Core.Languages.StoredText.InEnglish(failure.Reason)}", null);
                        break;
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        return new FetchPass(meter.Stop(), ok, notModified, failed, bytes, firstFailure);
    }
}
