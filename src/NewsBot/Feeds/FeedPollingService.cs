namespace NewsBot.Feeds;

/// <summary>
/// Keeps every source fresh. At start it registers the configured sources and reads every
/// source that is due (on a new installation: all of them) before any chat opens; after that
/// it wakes every few seconds and reads the sources whose time has come, a bounded number at
/// once and a bounded number per host. One bad source never holds up or stops the others.
/// Instances on one database share the sources: each claims due ones a window at a time
/// (<see cref="ISourceClaims"/>), so a source is read by one instance per interval, and the
/// sources of an instance that died are claimed by another once its claims run out.
/// </summary>
internal sealed partial class FeedPollingService(
    IOptionsMonitor<FeedsOptions> options,
    ISourceStore sources,
    ISourceClaims claims,
    InstanceIdentity instance,
    SourcePoller poller,
    TimeProvider time,
    ILogger<FeedPollingService> logger) : BackgroundService
{
    /// <summary>How often the scheduler looks for due sources.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan ClaimMargin = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _perHost = new(StringComparer.OrdinalIgnoreCase);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await SyncConfiguredSourcesAsync(cancellationToken).ConfigureAwait(false);
        await PollDueAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await PollDueAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRoundFailed(logger, ex, Tick);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>
    /// Reads every due source this instance can claim. Fetches run concurrently within the caps;
    /// results are stored in due order, so a fresh installation numbers its articles the same
    /// way every time.
    /// </summary>
    internal async Task<int> PollDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        using var global = new SemaphoreSlim(settings.MaxConcurrentFetches);
        var read = new HashSet<int>();
        var added = 0;
        while (true)
        {
            // A claim outlasts the window's fetches and their storing; should this instance die,
            // its sources are claimed by another after that.
            var claimFor = (settings.RequestTimeout * 2) + ClaimMargin;
            var window = (await claims.ClaimDueAsync(instance.Id, time.GetUtcNow(), settings.MaxConcurrentFetches * 4, claimFor, cancellationToken).ConfigureAwait(false))
                .Where(s => read.Add(s.Id))
                .ToList();
            if (window.Count == 0)
            {
                break;
            }

            var fetches = window.Select(source => FetchLimitedAsync(source, global, settings, cancellationToken)).ToList();
            for (var i = 0; i < window.Count; i++)
            {
                var result = await fetches[i].ConfigureAwait(false);
                added += (await poller.ApplyAsync(window[i], result, cancellationToken).ConfigureAwait(false)).Count;
            }
        }

        if (read.Count > 0)
        {
            LogRoundRead(logger, read.Count, added);
        }

        return added;
    }

    private async Task<FetchResult> FetchLimitedAsync(FeedSource source, SemaphoreSlim global, FeedsOptions settings, CancellationToken cancellationToken)
    {
        var host = HostOf(source.FetchUrl);
        var perHost = _perHost.GetOrAdd(host, _ => new SemaphoreSlim(settings.MaxConcurrentFetchesPerHost));
        await global.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await perHost.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await poller.FetchAsync(source, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                perHost.Release();
            }
        }
        finally
        {
            global.Release();
        }
    }

    private async Task SyncConfiguredSourcesAsync(CancellationToken cancellationToken)
    {
        var configured = options.CurrentValue.Sources;
        var urls = new HashSet<string>(configured.Select(s => s.Url.Trim()), StringComparer.Ordinal);
        foreach (var source in configured)
        {
            var topics = source.Topics.Select(TopicNames.Normalize).Where(t => t.Length > 0).Distinct().ToList();
            var ensured = await sources.EnsureAsync(source.Name.Trim(), source.Url.Trim(), topics, fromConfiguration: true, cancellationToken).ConfigureAwait(false);

            // Configuration owns its sources' settings: what chat could change is set back to what it says.
            if (ensured.FullText != source.FullTextMode || ensured.Paused || ensured.PollInterval is not null)
            {
                await sources.UpdateSettingsAsync(ensured with { FullText = source.FullTextMode, Paused = false, PollInterval = null }, cancellationToken).ConfigureAwait(false);
            }
        }

        // A source taken out of configuration stops being read; its articles age out as usual.
        foreach (var stale in (await sources.AllAsync(cancellationToken).ConfigureAwait(false)).Where(s => s.FromConfiguration && !urls.Contains(s.Url)))
        {
            await sources.RemoveAsync(stale.Id, cancellationToken).ConfigureAwait(false);
            LogNoLongerConfigured(logger, stale.Name);
        }
    }

    private static string HostOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && !uri.IsFile ? uri.Host : "local files";

    public override void Dispose()
    {
        foreach (var semaphore in _perHost.Values)
        {
            semaphore.Dispose();
        }

        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A polling round failed; the next one starts in {Tick}")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, TimeSpan tick);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Read {Count} sources; {Added} new articles")]
    private static partial void LogRoundRead(ILogger logger, int count, int added);

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {Source} is no longer configured and will not be read")]
    private static partial void LogNoLongerConfigured(ILogger logger, string source);
}
