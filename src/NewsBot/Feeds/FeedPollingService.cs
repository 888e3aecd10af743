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

    internal Task PollAllAsync(CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            _configured,
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelFetches, CancellationToken = cancellationToken },
            async (source, ct) => await PollAsync(source, ct).ConfigureAwait(false));

    private async Task PollAsync(FeedSource source, CancellationToken cancellationToken)
    {
        try
        {
            var result = await fetcher.FetchAsync(source.Url, FetchConditions.None, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var next = now + options.Value.PollInterval;
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
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Reading source {Source} failed unexpectedly", source.Name);
            var now = time.GetUtcNow();
            sources.RecordFailure(source.Id, now, "Unexpected error while reading the feed; see the log.", now + options.Value.PollInterval);
        }
    }
}
