using Microsoft.Extensions.Configuration;
using NewsBot.Benchmarks.Stores;

namespace NewsBot.Benchmarks.Ingest;

/// <summary>
/// The <c>ingest</c> scenario: a loopback feed site in a child process, the real poller pointed
/// at it, whole polling cycles timed on a hand-moved clock (new content, all 304, unchanged 200,
/// partly new), then the parts on the same bytes (CodeHollow.FeedReader alone as the baseline,
/// NewsBot's parser alone, the fetcher alone, an idle scheduler tick), and the report.
/// </summary>
internal static class IngestScenario
{
    public const string Name = "ingest";
    public const string Summary = "polling cycles of N feeds from a loopback site (new, 304, unchanged 200, partly new) vs. CodeHollow.FeedReader parsing the same bytes; CPU, memory, capacity";

    /// <summary>The warm-up stops after this many rounds, or earlier once a round compiles fewer than <see cref="WarmUpQuietMethods"/> methods.</summary>
    internal const int WarmUpRounds = 5;
    internal const int WarmUpQuietMethods = 500;

    private const int WarmUpSources = 100;
    private const int ParsePasses = 3;
    private const int IdleTickCalls = 20;
    private static readonly TimeSpan CycleTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var (settings, exitCode) = await ScenarioStart.ReadSettingsAsync<IngestSettings>(
            args, IngestSettings.TryParse, IngestSettings.Usage, "ingest [--sources N] [--items N] [--concurrency N] [--new-percent N] [--no-gzip] [--vocabulary N] [--seed N] [--instances N]");
        if (exitCode is { } code)
        {
            return code;
        }

        if (settings.Serve)
        {
            return await FeedSite.RunChildAsync(settings, cancellationToken);
        }

        var machine = ScenarioStart.Machine();
        Progress($"ingest: {settings.Sources:N0} sources × {settings.Items} items, {settings.Concurrency} fetches at once, gzip {(settings.Gzip ? "on" : "off")}");

        var topics = LoadTopics();
        using var folder = new TempFolder(Name);
        Progress($"temporary folder {folder.Path}");
        await using var site = await FeedSiteProcess.StartAsync(settings, cancellationToken);
        Progress($"feed site: process {site.ProcessId}, {site.BaseUri}");
        var run = await MeasureAsync(settings, site, folder.Path, topics, machine, cancellationToken);
        await Console.Out.WriteAsync(IngestReport.Render(run));
        return ExitCodes.Success;
    }

    private static async Task<IngestRun> MeasureAsync(
        IngestSettings settings,
        FeedSiteProcess site,
        string folder,
        IReadOnlyDictionary<string, List<string>> topics,
        MachineInfo machine,
        CancellationToken cancellationToken)
    {
        var generator = new FeedGenerator(settings.Seed, settings.Items, settings.Vocabulary);
        var options = new FeedsOptions
        {
            AllowPrivateAddresses = true,
            MaxConcurrentFetches = settings.Concurrency,

            // The whole site is one host, 127.0.0.1: a per-host cap below the global one would
            // make the global cap meaningless, so both are the same.
            MaxConcurrentFetchesPerHost = settings.Concurrency,
        };

        Progress("feed site: building the first round of feeds");
        var firstRound = await site.PublishAsync(1, cancellationToken);
        Progress($"feed site: {firstRound.Documents:N0} feeds, {firstRound.Items:N0} items, {firstRound.Bytes / 1e6:N1} MB ({firstRound.WireBytes / 1e6:N1} MB on the wire), built in {firstRound.Seconds:0.0} s");

        await using var postgres = settings.Stores.PostgresConnection is { } server && settings.Stores.Stores.Contains(StoreKind.Postgres) ? new PostgresDatabases(server) : null;
        var urls = new string[settings.Sources];
        var stores = new List<StoreCycles>();
        StoreExtras? extras = null;
        foreach (var store in settings.Stores.Stores)
        {
            var (cycles, more) = await MeasureStoreAsync(store, postgres, settings, site, generator, folder, options, topics, urls, needExtras: extras is null, cancellationToken);
            stores.Add(cycles);
            extras ??= more;
        }

        var shared = settings.Instances > 1 && postgres is not null
            ? await SharedReading.MeasureAsync(settings, site, generator, folder, options, topics, postgres, cancellationToken)
            : null;
        var first = stores[0];
        var (secondRound, fetch200, fetch304, storedETags, sources) = extras!;
        // The parsers alone, on the bytes of cycle 1, rebuilt here from the same seed.
        Progress("parse alone: rebuilding the bytes of cycle 1");
        var firstCopies = Rebuild(generator, settings, urls, 1);
        var identical = firstCopies.Count(d => storedETags.TryGetValue(d.Url.ToString(), out var etag) && etag == d.ETag);
        var (codeHollow, newsBot) = ParseBaseline.Measure(firstCopies, ParsePasses, cancellationToken);
        var parse = new ParseComparison(
            codeHollow,
            newsBot,
            ParsePasses,
            firstCopies.Sum(d => (long)d.Content.Length),
            identical,
            firstCopies.Count,
            firstCopies.GroupBy(d => d.Format).ToDictionary(g => g.Key, g => g.Count()));
        Progress($"parse alone: CodeHollow {codeHollow.Wall.TotalSeconds:0.00} s, NewsBot {newsBot.Wall.TotalSeconds:0.00} s ({identical:N0} of {firstCopies.Count:N0} copies identical to what the poller stored)");

        // The ingestor alone, storage in memory, on the same entries in the same order as cycles 1, 3 and 4.
        var (ingest, ingestParts) = await ReplayIngestAsync(generator, settings, urls, sources, firstCopies, first.Cycles.ToList(), topics, cancellationToken);

        return new IngestRun(
            settings, firstRound, secondRound, first.Cycles, parse, fetch200, fetch304, ingest, ingestParts, first.Idle, first.Capacity,
            first.WarmUp, first.Registration, first.DatabaseBytes, first.Articles, first.AdminNotices, machine, MachineInfo.ReadLoadAverage())
        {
            Stores = stores,
            Shared = shared,
        };
    }

    /// <summary>What only the first store's part measures, on the feeds it registered: the second round of feeds, the fetch-only passes, the ETags stored, the sources.</summary>
    private sealed record StoreExtras(PublishedWindow? SecondRound, FetchPass Fetch200, FetchPass Fetch304, Dictionary<string, string?> StoredETags, IReadOnlyList<FeedSource> Sources);

    /// <summary>The warm-up, the four cycles and the idle tick on one store, on a database of its own; the site is left as it was found (round 1, validators honoured).</summary>
    private static async Task<(StoreCycles Cycles, StoreExtras? Extras)> MeasureStoreAsync(
        StoreKind store,
        PostgresDatabases? postgres,
        IngestSettings settings,
        FeedSiteProcess site,
        FeedGenerator generator,
        string folder,
        FeedsOptions options,
        IReadOnlyDictionary<string, List<string>> topics,
        string[] urls,
        bool needExtras,
        CancellationToken cancellationToken)
    {
        Progress($"--- {store.Label()} ---");
        async Task<IReadOnlyDictionary<string, string?>?> NewDatabaseAsync() =>
            store == StoreKind.Postgres ? PostgresDatabases.Settings(await postgres!.CreateAsync(cancellationToken)) : null;

        var storeFolder = Path.Combine(folder, store.ToString());
        var warmUp = await WarmUpAsync(settings, site, generator, Path.Combine(storeFolder, "warm-up"), options, topics, NewDatabaseAsync, cancellationToken);
        Progress($"warm-up done in {warmUp.Time.TotalSeconds:0.0} s");

        var clock = new ManualClock(FeedGenerator.PublishedAt(settings.Sources, settings.Items) + TimeSpan.FromMinutes(1));
        var cycles = new List<CycleResult>();
        StoreExtras? extras = null;
        PublishedWindow? secondRound = null;
        using var rig = new PollerRig(Path.Combine(storeFolder, "data"), clock, options, topics, await NewDatabaseAsync());
        var registering = ResourceMeter.Start();
        for (var source = 1; source <= settings.Sources; source++)
        {
            urls[source - 1] = site.Url(generator.PathOf(source));
            await rig.Sources.EnsureAsync(generator.NameOf(source), urls[source - 1], generator.TopicsOf(source), fromConfiguration: false, cancellationToken);
        }

        var registration = registering.Stop().Wall;
        Progress($"{settings.Sources:N0} sources registered in {registration.TotalSeconds:0.0} s");

        using var sampler = new MemorySampler(SampleInterval);

        // 1. First fetch: every item new to the database, none pushed.
        cycles.Add(await CycleAsync(1, CycleKind.FirstFetch, rig, site, clock, sampler, settings, cancellationToken));
        var storedETags = (await rig.Sources.AllAsync(cancellationToken)).ToDictionary(s => s.Url, s => s.ETag, StringComparer.Ordinal);

        // 2. Nothing changed and the site honours If-None-Match.
        await MakeEverySourceDueAsync(rig, clock, null, cancellationToken);
        cycles.Add(await CycleAsync(2, CycleKind.NotModified, rig, site, clock, sampler, settings, cancellationToken));

        // 3. Nothing changed, but the site ignores If-None-Match: the same bytes again.
        await site.HonourValidatorsAsync(false, cancellationToken);
        await MakeEverySourceDueAsync(rig, clock, null, cancellationToken);
        cycles.Add(await CycleAsync(3, CycleKind.UnchangedResent, rig, site, clock, sampler, settings, cancellationToken));
        await site.HonourValidatorsAsync(true, cancellationToken);

        // 4. A share of every feed is new: the oldest items drop off, as many new ones appear.
        if (settings.NewItemsInCycle4 > 0)
        {
            var firstItem = 1 + settings.NewItemsInCycle4;
            secondRound = await site.PublishAsync(firstItem, cancellationToken);
            await MakeEverySourceDueAsync(rig, clock, FeedGenerator.PublishedAt(settings.Sources, firstItem + settings.Items - 1) + TimeSpan.FromMinutes(1), cancellationToken);
            cycles.Add(await CycleAsync(4, CycleKind.PartlyNew, rig, site, clock, sampler, settings, cancellationToken));
        }

        // The scheduler's tick when nothing is due: it still reads every source.
        var idle = await IdleTicksAsync(rig, site, cancellationToken);
        Progress($"idle scheduler tick: {idle.CpuPerCall.TotalMilliseconds:0.0} ms CPU per call for {settings.Sources:N0} sources");

        if (needExtras)
        {
            // The fetch step alone, on the same feeds: everything sent (as cycle 3), then everything 304 (as cycle 2).
            await site.HonourValidatorsAsync(false, cancellationToken);
            var fetch200 = await FetchOnly.RunAsync(rig.Fetcher, urls.Select(u => (u, FetchConditions.None)).ToList(), settings.Concurrency, cancellationToken);
            await site.HonourValidatorsAsync(true, cancellationToken);
            var sources = await rig.Sources.AllAsync(cancellationToken);
            var byUrl = sources.ToDictionary(s => s.Url, StringComparer.Ordinal);
            var fetch304 = await FetchOnly.RunAsync(
                rig.Fetcher,
                urls.Select(u => (u, new FetchConditions(byUrl[u].ETag, byUrl[u].LastModified))).ToList(),
                settings.Concurrency,
                cancellationToken);
            Progress($"fetch alone: all 200 {fetch200.Usage.Wall.TotalSeconds:0.00} s wall, {fetch200.Usage.Cpu.TotalSeconds:0.00} s CPU; all 304 {fetch304.Usage.Wall.TotalSeconds:0.00} s wall, {fetch304.Usage.Cpu.TotalSeconds:0.00} s CPU");
            extras = new StoreExtras(secondRound, fetch200, fetch304, storedETags, sources);
        }

        // The next store starts from the first round of feeds, as this one did.
        if (settings.NewItemsInCycle4 > 0)
        {
            await site.PublishAsync(1, cancellationToken);
        }

        // Counted only now: reading every article would fill the store's cache and count against the cycles' memory.
        await CountPerCycleAsync(rig, cycles, cancellationToken);
        var databaseBytes = await rig.SizeAsync(cancellationToken);
        var articles = await rig.Articles.CountAsync(cancellationToken);
        var capacity = new Capacity(
            cycles.First(c => c.Kind == CycleKind.NotModified).Usage.Cpu.TotalSeconds / settings.Sources,
            cycles.First(c => c.Kind == CycleKind.UnchangedResent).Usage.Cpu.TotalSeconds / settings.Sources,
            idle.CpuPerCall.TotalSeconds / settings.Sources,
            NotModifiedShare: 0.5);
        return (new StoreCycles(store, cycles, idle, capacity, warmUp, registration, databaseBytes, articles, rig.Admins.Count), extras);
    }

    private static async Task<CycleResult> CycleAsync(
        int number,
        CycleKind kind,
        PollerRig rig,
        FeedSiteProcess site,
        ManualClock clock,
        MemorySampler sampler,
        IngestSettings settings,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = (await rig.Sources.AllAsync(cancellationToken)).Count(s => s.Enabled && (s.NextPollAt is null || s.NextPollAt <= now));
        var siteBefore = await site.StatsAsync(cancellationToken);
        var siteCpuBefore = site.ProcessorTime;
        Progress($"cycle {number}: {kind}, {due:N0} sources due at {now:HH:mm:ss} (methods compiled so far: {System.Runtime.JitInfo.GetCompiledMethodCount():N0})");

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(CycleTimeout);
        var peakReset = MemoryProbe.TryResetPeak();
        sampler.Restart();
        var storeBefore = rig.StoreTimer.Read();
        var meter = ResourceMeter.Start();
        var added = await rig.Scheduler.PollDueAsync(limit.Token);
        var usage = meter.Stop();
        var store = rig.StoreTimer.Read().Minus(storeBefore);
        var sampled = sampler.Read();
        var after = MemoryProbe.Take();
        var siteCpu = site.ProcessorTime - siteCpuBefore;

        // Outside the timing: what is left once the cycle's garbage is gone (the index, LiteDB's cache, the sources).
        var live = MemoryProbe.LiveManagedBytes();
        var served = (await site.StatsAsync(cancellationToken)).Minus(siteBefore);
        var sources = (await rig.Sources.AllAsync(cancellationToken));
        var polled = sources.Count(s => s.LastAttemptAt >= now);
        var failed = sources.Where(s => s.LastError is not null).ToList();
        var result = new CycleResult(
            number,
            kind,
            now,
            due,
            usage,
            siteCpu,
            served,
            store,
            polled,
            failed.Count,
            failed.Count > 0 ? $"{failed[0].Url}: {failed[0].LastError}" : null,
            served.Ok * settings.Items,
            added,
            peakReset ? after.PeakWorkingSet : sampled.WorkingSet,
            peakReset,
            sampled,
            after,
            live);
        Progress($"cycle {number}: {usage.Wall.TotalSeconds:0.00} s wall, {usage.Cpu.TotalSeconds:0.00} s CPU, {added:N0} stored, site answered {served.Ok:N0}×200 {served.NotModified:N0}×304 {served.Other:N0}×other, {failed.Count} failed; peak working set {result.PeakWorkingSet / 1e6:N0} MB, {live / 1e6:N0} MB live after; JIT {usage.JitTime.TotalSeconds:0.00} s for {usage.JitMethods:N0} methods");
        return result;
    }

    /// <summary>How many of each cycle's articles were new for subscribers and joined a story, from one read of the articles after the run.</summary>
    private static async Task CountPerCycleAsync(PollerRig rig, List<CycleResult> cycles, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<DateTime, (int New, int Joined)>();
        await foreach (var article in rig.Articles.ReadAllAsync(cancellationToken))
        {
            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, Dates.ToStored(article.IngestedAt), out _);
            slot = (slot.New + (article.IsNew ? 1 : 0), slot.Joined + (article.StoryId != 0 ? 1 : 0));
        }

        for (var i = 0; i < cycles.Count; i++)
        {
            var (isNew, joined) = counts.GetValueOrDefault(Dates.ToStored(cycles[i].At));
            cycles[i] = cycles[i] with { NewForSubscribers = isNew, JoinedStories = joined };
        }
    }

    private static List<FeedBytes> Rebuild(FeedGenerator generator, IngestSettings settings, string[] urls, int firstItem)
    {
        var documents = new List<FeedBytes>(settings.Sources);
        for (var source = 1; source <= settings.Sources; source++)
        {
            var feed = generator.Generate(source, firstItem);
            documents.Add(new FeedBytes(feed.Content, "utf-8", new Uri(urls[source - 1]), feed.Format, feed.ETag));
        }

        return documents;
    }

    private static async Task<(Dictionary<CycleKind, IngestPass> Passes, IngestParts Parts)> ReplayIngestAsync(
        FeedGenerator generator,
        IngestSettings settings,
        string[] urls,
        IReadOnlyList<FeedSource> sources,
        List<FeedBytes> firstCopies,
        List<CycleResult> cycles,
        IReadOnlyDictionary<string, List<string>> topics,
        CancellationToken cancellationToken)
    {
        Progress("ingest alone (storage in memory): parsing the feeds of cycles 1 and 4");
        var parser = new FeedParser();
        var byUrl = sources.ToDictionary(s => s.Url, StringComparer.Ordinal);
        List<(FeedSource, IReadOnlyList<FeedEntry>)> Entries(List<FeedBytes> copies, bool firstFetch) =>
            copies.Select(d =>
            {
                var source = byUrl[d.Url.ToString()] with { Note = null };
                return (firstFetch ? source with { LastSuccessAt = null } : source, parser.Parse(d.Content, d.Charset, d.Url).Entries);
            }).ToList();

        var passes = new Dictionary<CycleKind, IngestPass>();
        using var replay = new IngestReplay(new ManualClock(cycles[0].At), topics);
        var first = Entries(firstCopies, firstFetch: true);
        passes[CycleKind.FirstFetch] = await replay.RunAsync(first, cycles.First(c => c.Kind == CycleKind.FirstFetch).At, cancellationToken);
        passes[CycleKind.UnchangedResent] = await replay.RunAsync(Entries(firstCopies, firstFetch: false), cycles.First(c => c.Kind == CycleKind.UnchangedResent).At, cancellationToken);
        if (cycles.FirstOrDefault(c => c.Kind == CycleKind.PartlyNew) is { } partlyNew)
        {
            var second = Entries(Rebuild(generator, settings, urls, 1 + settings.NewItemsInCycle4), firstFetch: false);
            passes[CycleKind.PartlyNew] = await replay.RunAsync(second, partlyNew.At, cancellationToken);
        }

        foreach (var (kind, pass) in passes)
        {
            Progress($"ingest alone, as cycle {kind}: {pass.Usage.Cpu.TotalSeconds:0.00} s CPU, {pass.Added:N0} added, {pass.Stories:N0} joined a story");
        }

        var parts = IngestReplay.MeasureParts(first, topics, cycles[0].At, cancellationToken);
        Progress($"ingest parts: classification {parts.Classify.Cpu.TotalSeconds:0.00} s, story matching and index {parts.StoriesAndIndex.Cpu.TotalSeconds:0.00} s CPU for {parts.Entries:N0} entries");
        return (passes, parts);
    }

    /// <summary>
    /// Moves the clock past every source's next poll time (and at least to <paramref name="atLeast"/>),
    /// so the next <c>PollDueAsync</c> reads every source, as if the interval had passed.
    /// </summary>
    internal static async Task MakeEverySourceDueAsync(PollerRig rig, ManualClock clock, DateTimeOffset? atLeast, CancellationToken cancellationToken)
    {
        var latest = (await rig.Sources.AllAsync(cancellationToken)).Max(s => s.NextPollAt ?? DateTimeOffset.MinValue);
        var target = latest + TimeSpan.FromSeconds(1);
        clock.AdvanceTo(atLeast is { } floor && floor > target ? floor : target);
    }

    private static async Task<IdleTick> IdleTicksAsync(PollerRig rig, FeedSiteProcess site, CancellationToken cancellationToken)
    {
        var before = await site.StatsAsync(cancellationToken);
        await rig.Scheduler.PollDueAsync(cancellationToken);
        var meter = ResourceMeter.Start();
        for (var i = 0; i < IdleTickCalls; i++)
        {
            await rig.Scheduler.PollDueAsync(cancellationToken);
        }

        var usage = meter.Stop();
        var fetches = (await site.StatsAsync(cancellationToken)).Minus(before).Requests;
        return new IdleTick(IdleTickCalls, usage.Wall / IdleTickCalls, usage.Cpu / IdleTickCalls, fetches);
    }

    /// <summary>
    /// Throwaway pollers, each on a fresh database, read a share of the sources until the JIT has
    /// (nearly) nothing left to compile, so the cycles measure the code a running bot has, not
    /// tiered compilation. The first round reads in all three modes; later rounds only repeat
    /// the first fetch, whose insert path a second database is needed to exercise again: tiered
    /// compilation promotes a method only after it has been called often once start-up quietens.
    /// </summary>
    private static async Task<WarmUp> WarmUpAsync(
        IngestSettings settings,
        FeedSiteProcess site,
        FeedGenerator generator,
        string folder,
        FeedsOptions options,
        IReadOnlyDictionary<string, List<string>> topics,
        Func<Task<IReadOnlyDictionary<string, string?>?>> newDatabase,
        CancellationToken cancellationToken)
    {
        var count = Math.Min(WarmUpSources, settings.Sources);
        var meter = ResourceMeter.Start();
        var rounds = 0;
        var compiled = 0L;
        for (var round = 1; round <= WarmUpRounds; round++)
        {
            rounds = round;
            var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
            var clock = new ManualClock(FeedGenerator.PublishedAt(settings.Sources, settings.Items) + TimeSpan.FromMinutes(1));
            using (var rig = new PollerRig(Path.Combine(folder, round.ToString(CultureInfo.InvariantCulture)), clock, options, topics, await newDatabase()))
            {
                for (var source = 1; source <= count; source++)
                {
                    await rig.Sources.EnsureAsync(generator.NameOf(source), site.Url(generator.PathOf(source)), generator.TopicsOf(source), fromConfiguration: false, cancellationToken);
                }

                await rig.Scheduler.PollDueAsync(cancellationToken);
                if (round == 1)
                {
                    await MakeEverySourceDueAsync(rig, clock, null, cancellationToken);
                    await rig.Scheduler.PollDueAsync(cancellationToken);
                    await site.HonourValidatorsAsync(false, cancellationToken);
                    await MakeEverySourceDueAsync(rig, clock, null, cancellationToken);
                    await rig.Scheduler.PollDueAsync(cancellationToken);
                    await site.HonourValidatorsAsync(true, cancellationToken);
                }

                var failed = (await rig.Sources.AllAsync(cancellationToken)).Where(s => s.LastError is not null).ToList();
                if (failed.Count > 0)
                {
                    throw new InvalidOperationException($"{failed.Count} of {count} sources failed during the warm-up, e.g. {failed[0].Url}: {failed[0].LastError}");
                }
            }

            // Lets the background compiler catch up before judging how much was left to compile.
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore;
            Progress($"warm-up round {round}: {count} sources on a fresh database, {compiled:N0} methods compiled");
            if (compiled < WarmUpQuietMethods)
            {
                break;
            }
        }

        return new WarmUp(meter.Stop().Wall, rounds, count, compiled);
    }

    /// <summary>The topics of the repository's appsettings.json (copied next to the benchmark), which the app classifies with by default.</summary>
    private static Dictionary<string, List<string>> LoadTopics()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"appsettings.json was not found next to the benchmark ({path}); build the solution first.", path);
        }

        var configuration = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
        var topics = configuration.GetSection("NewsBot:Topics").Get<Dictionary<string, List<string>>>() ?? [];
        return topics.Count > 0 ? topics : throw new InvalidOperationException($"{path} has no NewsBot:Topics.");
    }
}
