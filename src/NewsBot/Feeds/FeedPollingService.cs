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
internal sealed class FeedPollingService(
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

    /// <summary>How many sources ahead of the one being stored may be read, and so how many are stored in one batch at most.</summary>
    private const int ReadAhead = 16;

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
                    logger.LogPollingRoundFailed(ex, Tick);
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

        // Reading (parse, keys, topics) runs beside the storing of the sources before, which
        // takes one core; the other cores read.
        using var reading = new SemaphoreSlim(Math.Max(1, Environment.ProcessorCount - 1));
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

            // A source is read once the one ReadAhead places before it is stored, so what waits
            // to be stored stays a few sources' worth.
            var stored = window.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
            var reads = window.Select((source, i) => FetchAndReadAsync(source, i < ReadAhead ? Task.CompletedTask : stored[i - ReadAhead].Task, global, reading, settings, cancellationToken)).ToList();
            var states = new List<FeedSource>(window.Count);
            try
            {
                for (var next = 0; next < window.Count;)
                {
                    // The next source, and those read after it already: their articles go in one
                    // batch, which costs the store little more than one source's alone.
                    var group = new List<SourceRead> { await reads[next].ConfigureAwait(false) };
                    while (next + group.Count < window.Count && reads[next + group.Count].IsCompletedSuccessfully)
                    {
                        group.Add(reads[next + group.Count].Result);
                    }

                    foreach (var (articles, state) in await poller.ApplyAsync(group, cancellationToken).ConfigureAwait(false))
                    {
                        added += articles.Count;
                        states.Add(state);
                        stored[next++].SetResult();
                    }
                }
            }
            finally
            {
                foreach (var done in stored)
                {
                    done.TrySetResult();
                }

                // The window's states in one write, also those stored before a cancellation; each
                // source's articles are stored before its state, so a source whose state is lost is
                // read again and finds its items stored.
                await sources.SaveAllAsync(states, CancellationToken.None).ConfigureAwait(false);
            }

            await claims.ReleaseAsync(instance.Id, window.Select(s => s.Id).ToList(), cancellationToken).ConfigureAwait(false);
        }

        if (read.Count > 0)
        {
            logger.LogPollingRoundRead(read.Count, added);
        }

        return added;
    }

    private async Task<SourceRead> FetchAndReadAsync(FeedSource source, Task turn, SemaphoreSlim global, SemaphoreSlim reading, FeedsOptions settings, CancellationToken cancellationToken)
    {
        var result = await FetchLimitedAsync(source, global, settings, cancellationToken).ConfigureAwait(false);
        if (result is not FetchResult.Success)
        {
            return poller.Read(source, result);
        }

        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        await reading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Off the fetch's continuation, so a long parse holds neither a fetch slot nor the storing.
            return await Task.Run(() => poller.Read(source, result), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            reading.Release();
        }
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
            logger.LogNoLongerConfigured(stale.Name);
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
}
