using Microsoft.Extensions.Options;
using NewsBot.Benchmarks.Stores;
using NewsBot.Core;
using NewsBot.Core.Settings;
using NewsBot.Storage.Copy;
using Npgsql;
using NewsBot.Core.Subscriptions;

namespace NewsBot.Benchmarks.Fanout;

/// <summary>
/// The <c>fanout</c> scenario: many chats with subscriptions, one batch of new articles; the
/// planner's match and enqueue, the dispatcher's own speed against a loopback platform, its
/// rate under Telegram's ceilings against a platform that enforces them, and peak memory.
/// </summary>
internal static class FanoutScenario
{
    public const string Name = "fanout";
    public const string Summary = "one batch of new articles to 100,000 subscribed chats: match + enqueue, dispatch rate with and without Telegram's ceilings, memory";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var (settings, exitCode) = await ScenarioStart.ReadSettingsAsync<FanoutSettings>(
            args, FanoutSettings.TryParse, FanoutSettings.Usage, "fanout [--chats N] [--articles N] [--dispatch N] [--paced-seconds N] [--store litedb|postgres] [--postgres \"<conn>\"]");
        if (exitCode is { } code)
        {
            return code;
        }

        var machine = ScenarioStart.Machine();

        using var folder = new TempFolder(Name);
        Progress($"fanout: {settings.Chats:N0} chats, {settings.Articles} new articles, on {string.Join(" and ", settings.Stores.Stores.Select(s => s.Label()))}; temporary folder {folder.Path}");
        var run = await MeasureAsync(settings, folder.Path, machine, cancellationToken);
        await Console.Out.WriteAsync(FanoutReport.Render(run));
        return ExitCodes.Success;
    }

    private static async Task<FanoutRun> MeasureAsync(FanoutSettings settings, string folder, MachineInfo machine, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        var vocabulary = new Vocabulary(settings.VocabularySize, settings.Seed);

        Progress("seeding chats and subscriptions");
        using var database = NewsBotDatabase.Open(folder);
        var sourceStore = new LiteDbSourceStore(database);
        var sources = new List<FeedSource>();
        foreach (var s in SyntheticNews.Sources)
        {
            sources.Add(await sourceStore.EnsureAsync(s.Name, "https://" + s.Host + "/feed", [], fromConfiguration: true, cancellationToken));
        }

        var seeded = SubscriberSeeder.Seed(database, vocabulary, settings.Chats, settings.Seed, now);
        Progress($"  {seeded.Chats:N0} chats, {seeded.Subscriptions:N0} subscriptions ({seeded.Topic:N0} topics, {seeded.Keyword:N0} keyword queries, {seeded.Instant:N0} instant)");

        // The same chats and subscriptions in PostgreSQL, copied before anything is planned on LiteDB.
        await using var postgres = settings.Stores.PostgresConnection is { } server && settings.Stores.Stores.Contains(StoreKind.Postgres) ? new PostgresDatabases(server) : null;
        string? postgresDatabase = null;
        if (postgres is not null)
        {
            postgresDatabase = await postgres.CreateAsync(cancellationToken);
            Progress("copying them into a new PostgreSQL database (storage copy)");
            var copied = await LiteDbToPostgres.CopyAsync(database, new NpgsqlConnectionStringBuilder(postgresDatabase), null, cancellationToken);
            Progress($"  {copied.Copied:N0} rows copied and verified");
        }

        var results = new List<StoreFanout>();
        PerStoryBaseline.Result? baseline = null;
        foreach (var store in settings.Stores.Stores)
        {
            var news = new SyntheticNews(vocabulary, settings.Seed, now);
            using var host = store == StoreKind.Postgres
                ? BotComposition.Create(folder, Topics, settings: PostgresDatabases.Settings(postgresDatabase!))
                : Compose(folder, database);
            var (result, measuredBaseline) = await MeasureStoreAsync(store, host.Services, settings, folder, news, sources, now, baseline is null, cancellationToken);
            results.Add(result);
            baseline ??= measuredBaseline;
        }

        return new FanoutRun(settings, machine, seeded, results, baseline!);
    }

    private static async Task<(StoreFanout Result, PerStoryBaseline.Result? Baseline)> MeasureStoreAsync(
        StoreKind store,
        IServiceProvider services,
        FanoutSettings settings,
        string folder,
        SyntheticNews news,
        List<FeedSource> sources,
        DateTimeOffset now,
        bool runBaseline,
        CancellationToken cancellationToken)
    {
        Progress($"--- {store.Label()} ---");
        MemoryProbe.ReleaseEverything();
        var peakReset = MemoryProbe.TryResetPeak();
        using var sampler = new MemorySampler(TimeSpan.FromMilliseconds(20));
        sampler.Restart();

        var chats = services.GetRequiredService<ChatLifecycle>();
        var matcher = services.GetRequiredService<SubscriptionMatcher>();
        var planner = services.GetRequiredService<DeliveryPlanner>();
        var outbox = services.GetRequiredService<IOutboxStore>();

        // Start-up, as DeliveryService and SubscriptionIndexLoader do it.
        Progress("start-up: subscriptions into the matcher, chats into memory, planner position");
        var started = Stopwatch.GetTimestamp();
        await services.GetRequiredService<SubscriptionService>().RebuildAsync(cancellationToken);
        await chats.RebuildAsync(cancellationToken);
        var activeChats = chats.CountActive();
        await planner.CatchUpAsync(cancellationToken);
        var startup = Stopwatch.GetElapsedTime(started);

        // The batch, stored as the ingestor stores it; then the planner, as the ingestor calls it.
        var drafts = Enumerable.Range(1, settings.Articles).Select(n => news.NextArticle(n, sources)).ToList();
        var batch = (await services.GetRequiredService<IArticleStore>().AddNewAsync(drafts, cancellationToken)).Added;
        Progress($"planning {batch.Count} new articles for {activeChats:N0} chats");
        started = Stopwatch.GetTimestamp();
        await planner.StoredAsync(batch, cancellationToken);
        var planning = Stopwatch.GetElapsedTime(started);
        var pending = await outbox.CountPendingAsync(cancellationToken);
        var stories = (await outbox.StoriesQueuedSinceAsync(now.AddDays(-1), cancellationToken).ToListAsync(cancellationToken)).Sum(e => e.StoryIds.Count);
        Progress($"  {pending:N0} entries carrying {stories:N0} stories in {planning.TotalSeconds:0.00} s");
        var peakAfterPlanning = peakReset ? MemoryProbe.Take().PeakWorkingSet : sampler.Read().WorkingSet;

        var lifted = await DispatchLiftedAsync(services, settings, cancellationToken);
        var paced = await DispatchPacedAsync(services, settings, cancellationToken);
        var peaks = sampler.Read();
        var memory = MemoryProbe.Take();

        // After the figures above are taken: what is still reachable once garbage is gone.
        var live = MemoryProbe.LiveManagedBytes();

        PerStoryBaseline.Result? baseline = null;
        if (runBaseline)
        {
            Progress($"baseline: one document per (chat, story), written for the first {settings.BaselineChats:N0} chats and scaled");
            var sample = Enumerable.Range(1, Math.Min(settings.BaselineChats, settings.Chats))
                .SelectMany(n => new[] { SubscriberSeeder.ChatKey(n, false), SubscriberSeeder.ChatKey(n, true) })
                .ToHashSet(StringComparer.Ordinal);
            baseline = PerStoryBaseline.Run(folder, matcher, chats, batch, sample, now);
            Progress($"  {baseline.AllDocuments:N0} documents; {baseline.SampleDocuments:N0} written in {baseline.SampleWrite.TotalSeconds:0.00} s; scaled {baseline.Scaled.TotalSeconds:0.0} s");
        }

        var result = new StoreFanout(
            store, startup, batch.Count, planning, pending, stories, lifted, paced,
            peakReset ? memory.PeakWorkingSet : peaks.WorkingSet, peaks.GcHeap, peakReset, peakAfterPlanning, live);
        return (result, baseline);
    }

    /// <summary>The dispatcher against a platform without ceilings, then the same sends straight from a loop (the baseline: the platform's own speed).</summary>
    private static async Task<LiftedResult> DispatchLiftedAsync(IServiceProvider services, FanoutSettings settings, CancellationToken cancellationToken)
    {
        await using var platform = await FakePlatform.StartAsync(null);
        using var http = new HttpClient { BaseAddress = platform.BaseUri };
        var sender = new LoopbackSender(http, TimeProvider.System);
        var options = new DeliveryOptions
        {
            Telegram = new PlatformPacing { MessagesPerSecond = 1_000_000, PerChatPerSecond = 1_000_000, PerGroupPerMinute = 60_000_000 },
        };
        var dispatcher = Dispatcher(services, options);

        Progress($"dispatching {settings.DispatchMessages:N0} messages with the ceilings lifted");
        var sent = 0;
        var started = Stopwatch.GetTimestamp();
        while (sent < settings.DispatchMessages)
        {
            var round = await dispatcher.DispatchRoundAsync(sender, cancellationToken, cancellationToken);
            sent += round.Sent;
            if (round.Due == 0)
            {
                break;
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Progress($"  {sent:N0} in {elapsed.TotalSeconds:0.00} s");

        // The same number of sends of a similar message, with as many in flight, and nothing else.
        var articles = await services.GetRequiredService<IArticleStore>().GetManyAsync(Enumerable.Range(1, 5).ToList(), cancellationToken);
        var reply = PushMessages.ForBurst(articles, NewsBot.Core.Languages.LanguageCatalog.Default.For(NewsBot.Core.Languages.LanguageCatalog.EnglishCode));
        var next = 0;
        started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, options.MaxConcurrentSends).Select(async _ =>
        {
            int number;
            while ((number = Interlocked.Increment(ref next)) <= sent)
            {
                await sender.SendAsync(ChatAddress.Parse(SubscriberSeeder.ChatKey(number, false)), reply, cancellationToken);
            }
        }));
        var raw = Stopwatch.GetElapsedTime(started);
        Progress($"  raw sends: {sent:N0} in {raw.TotalSeconds:0.00} s");
        return new LiftedResult(sent, elapsed, raw, options.MaxConcurrentSends);
    }

    private static async Task<PacedResult> DispatchPacedAsync(IServiceProvider services, FanoutSettings settings, CancellationToken cancellationToken)
    {
        var ceilings = new DeliveryOptions().LimitsFor(PlatformNames.Telegram);
        await using var platform = await FakePlatform.StartAsync(ceilings);
        using var http = new HttpClient { BaseAddress = platform.BaseUri };
        var sender = new LoopbackSender(http, TimeProvider.System);
        var dispatcher = Dispatcher(services, new DeliveryOptions());
        Progress($"dispatching for {settings.PacedSeconds} s under Telegram's ceilings");
        using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        window.CancelAfter(TimeSpan.FromSeconds(settings.PacedSeconds));
        try
        {
            // A round that meets the end of the window returns without throwing when no send was in flight.
            while (!window.IsCancellationRequested)
            {
                await dispatcher.DispatchRoundAsync(sender, window.Token, window.Token);
            }
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The window is over.
        }

        var result = new PacedResult(settings.PacedSeconds, platform.Accepted, platform.Refused, platform.BusiestSecond(), ceilings.GlobalPerSecond);
        Progress($"  {result.Accepted:N0} accepted ({result.Rate:0.0}/s), {result.Refused} answered 429, busiest second {result.BusiestSecond}");
        return result;
    }

    private static DeliveryDispatcher Dispatcher(IServiceProvider services, DeliveryOptions options) => new(
        services.GetRequiredService<IOutboxStore>(),
        services.GetRequiredService<IArticleStore>(),
        services.GetRequiredService<ChatLifecycle>(),
        [],
        Options.Create(options),
        services.GetRequiredService<NewsBot.Core.Telemetry.NewsBotMetrics>(),
        TimeProvider.System,
        NullLogger<DeliveryDispatcher>.Instance);

    private static IHost Compose(string dataDirectory, NewsBotDatabase database) =>
        BotComposition.Create(dataDirectory, Topics, services => services.AddSingleton(database));

    private static void Topics(NewsBotOptions options) =>
        options.Topics = SyntheticNews.Topics.ToDictionary(t => t, t => new List<string> { t }, StringComparer.OrdinalIgnoreCase);
}

internal sealed record LiftedResult(int Sent, TimeSpan Elapsed, TimeSpan RawElapsed, int InFlight)
{
    public double Rate => Sent / Elapsed.TotalSeconds;

    public double RawRate => Sent / RawElapsed.TotalSeconds;
}

internal sealed record PacedResult(int Seconds, int Accepted, int Refused, int BusiestSecond, double Ceiling)
{
    public double Rate => Accepted / (double)Seconds;
}

/// <summary>What one store did with the batch.</summary>
internal sealed record StoreFanout(
    StoreKind Store,
    TimeSpan Startup,
    int Articles,
    TimeSpan Planning,
    int Entries,
    int Stories,
    LiftedResult Lifted,
    PacedResult Paced,
    long PeakWorkingSet,
    long PeakGcHeap,
    bool PeakFromKernel,
    long PeakAfterPlanning,
    long LiveAtEnd);

internal sealed record FanoutRun(
    FanoutSettings Settings,
    MachineInfo Machine,
    SubscriberSeeder.Seeded Seeded,
    IReadOnlyList<StoreFanout> Stores,
    PerStoryBaseline.Result Baseline);
