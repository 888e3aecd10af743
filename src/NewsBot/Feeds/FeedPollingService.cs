using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core.Articles;

namespace NewsBot.Feeds;

/// <summary>
/// Reads every configured source once at start, before any chat opens, then again every
/// <c>Feeds:PollInterval</c>. One bad source is recorded in its health and never stops the others.
/// </summary>
internal sealed class FeedPollingService(
    IOptions<FeedsOptions> options,
    ISourceStore sources,
    FeedFetcher fetcher,
    FeedParser parser,
    ArticleIngestor ingestor,
    TimeProvider time,
    ILogger<FeedPollingService> logger) : BackgroundService
{
    private const int MaxParallelFetches = 4;
    private IReadOnlyList<FeedSource> _configured = [];

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _configured = options.Value.Sources
            .Select(s => sources.Ensure(s.Name.Trim(), s.Url.Trim(), s.Topics.Select(TopicNames.Normalize).Where(t => t.Length > 0).Distinct().ToList()))
            .ToList();
        await PollAllAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await PollAllAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>
    /// Fetches a few sources at a time in parallel, but stores their articles in configuration
    /// order, so article numbers come out the same on every fresh start.
    /// </summary>
    internal async Task PollAllAsync(CancellationToken cancellationToken)
    {
        foreach (var batch in _configured.Chunk(MaxParallelFetches))
        {
            var fetched = await Task.WhenAll(batch.Select(source => FetchAsync(source, cancellationToken))).ConfigureAwait(false);
            for (var i = 0; i < batch.Length; i++)
            {
                Store(batch[i], fetched[i]);
            }
        }
    }

    private async Task<FetchResult> FetchAsync(FeedSource source, CancellationToken cancellationToken)
    {
        try
        {
            return await fetcher.FetchAsync(source.Url, FetchConditions.None, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Fetching source {Source} failed unexpectedly", source.Name);
            return new FetchResult.Failure("Unexpected error while fetching the feed; see the log.");
        }
    }

    private void Store(FeedSource source, FetchResult result)
    {
        var now = time.GetUtcNow();
        var next = now + options.Value.PollInterval;
        try
        {
            switch (result)
            {
                case FetchResult.Success success:
                    var document = parser.Parse(success.Content, success.Charset, success.FinalUrl);
                    if (!document.IsFeed)
                    {
                        var problem = document.Problems.Count > 0 ? document.Problems[0] : "The document is not a feed.";
                        sources.RecordFailure(source.Id, now, problem, next);
                        logger.LogWarning("Source {Source} did not return a feed: {Problem}", source.Name, problem);
                        return;
                    }

                    var added = ingestor.Ingest(source, document.Entries);
                    sources.RecordSuccess(source.Id, now, added.Count, next);
                    break;
                case FetchResult.NotModified:
                    sources.RecordSuccess(source.Id, now, 0, next);
                    break;
                case FetchResult.Failure failure:
                    sources.RecordFailure(source.Id, now, failure.Reason, next);
                    logger.LogWarning("Source {Source} could not be read: {Reason}", source.Name, failure.Reason);
                    break;
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Storing articles from source {Source} failed unexpectedly", source.Name);
            sources.RecordFailure(source.Id, now, "Unexpected error while storing the feed's articles; see the log.", next);
        }
    }
}
