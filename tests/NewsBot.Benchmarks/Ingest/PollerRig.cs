using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsBot.Core;
using NewsBot.Core.Announcements;
using NewsBot.Core.Articles;
using NewsBot.Core.Search;
using NewsBot.Feeds;
using NewsBot.Storage;
using NewsBot.Testing;

namespace NewsBot.Benchmarks.Ingest;

/// <summary>
/// The real poller without the host, composed the way the tests' PollingHarness does it: the
/// production <see cref="FeedFetcher"/> over its own <see cref="System.Net.Http.SocketsHttpHandler"/>
/// (<see cref="GuardedConnector.CreateHandler"/>), <see cref="FeedParser"/>, <see cref="ArticleIngestor"/>
/// with the topic classifier and the in-memory index, the LiteDB stores on a database in
/// <paramref name="dataDirectory"/>, <see cref="SourcePoller"/> and
/// <see cref="FeedPollingService"/>. Schedules and article times follow <paramref name="clock"/>;
/// fetch time-outs run on the real clock. Two things differ from the app, both to measure: the
/// stores are wrapped in stopwatches (two timestamps per call), and logging goes nowhere.
/// </summary>
internal sealed class PollerRig : IDisposable
{
    private readonly SocketsHttpHandler _handler;
    private readonly ServiceProvider _services;

    public PollerRig(string dataDirectory, ManualClock clock, FeedsOptions options, IReadOnlyDictionary<string, List<string>> topics)
    {
        Options = options;
        var monitor = new FixedOptionsMonitor<FeedsOptions>(options);
        _handler = GuardedConnector.CreateHandler(monitor);
        Fetcher = new FeedFetcher(
            new SingleHandlerHttpClientFactory(_handler), monitor, new StandInHostEnvironment(dataDirectory, "NewsBot.Benchmarks", Environments.Production),
            TimeProvider.System, NullLogger<FeedFetcher>.Instance);

        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<TimeProvider>(clock);
        services.AddOptions<NewsBotOptions>().Configure(o =>
        {
            o.DataDirectory = dataDirectory;
            o.Topics = topics.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        });

        // What AddNewsBotCore and AddLiteDbStorage register for ingestion, with the stores timed.
        services.AddSingleton(sp => NewsBotDatabase.Open(sp.GetRequiredService<IOptions<NewsBotOptions>>().Value.DataDirectory));
        services.AddSingleton<LiteDbArticleStore>();
        services.AddSingleton<LiteDbSourceStore>();
        services.AddSingleton<IArticleStore>(sp => new TimedArticleStore(sp.GetRequiredService<LiteDbArticleStore>(), StoreTimer));
        services.AddSingleton<ISourceStore>(sp => new TimedSourceStore(sp.GetRequiredService<LiteDbSourceStore>(), StoreTimer));
        services.AddMetrics();
        services.AddSingleton<NewsBot.Core.Telemetry.NewsBotMetrics>();
        services.AddSingleton<ArticleIndex>();
        services.AddSingleton<TopicClassifier>();
        services.AddSingleton<ArticleIngestor>();

        // What PollingHarness registers on top.
        services.AddSingleton<IOptionsMonitor<FeedsOptions>>(monitor);
        services.AddSingleton<IOptions<FeedsOptions>>(Microsoft.Extensions.Options.Options.Create(options));
        services.AddSingleton(Fetcher);
        services.AddSingleton<FeedParser>();
        services.AddSingleton<IAdminNotifier>(Admins);
        services.AddSingleton<SourcePoller>();
        services.AddSingleton<FeedPollingService>();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FeedsOptions Options { get; }

    public StoreStopwatch StoreTimer { get; } = new();

    public CountingAdminNotifier Admins { get; } = new();

    public FeedFetcher Fetcher { get; }

    public FeedPollingService Scheduler => _services.GetRequiredService<FeedPollingService>();

    public ISourceStore Sources => _services.GetRequiredService<ISourceStore>();

    public IArticleStore Articles => _services.GetRequiredService<IArticleStore>();

    public ArticleIndex Index => _services.GetRequiredService<ArticleIndex>();

    public NewsBotDatabase Database => _services.GetRequiredService<NewsBotDatabase>();

    public void Dispose()
    {
        _services.Dispose();
        _handler.Dispose();
    }
}
