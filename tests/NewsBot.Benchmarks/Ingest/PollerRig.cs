using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsBot.Core.Announcements;
using NewsBot.Core.Ingest;
using NewsBot.Storage.Postgres;
using NewsBot.Testing;

namespace NewsBot.Benchmarks.Ingest;

/// <summary>
/// The real poller without the host, composed through the bot's own registrations
/// (<see cref="BotComposition"/>) with what the tests' PollingHarness adds: the
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
    private readonly PollerParts _poller;
    private readonly IHost _host;

    /// <param name="storage">Settings that put the stores on PostgreSQL (see <see cref="Stores.PostgresDatabases.Settings"/>); null for LiteDB in <paramref name="dataDirectory"/>.</param>
    public PollerRig(string dataDirectory, ManualClock clock, FeedsOptions options, IReadOnlyDictionary<string, List<string>> topics, IReadOnlyDictionary<string, string?>? storage = null)
    {
        Storage = storage;
        Directory.CreateDirectory(dataDirectory);
        _poller = new PollerParts(options, new StandInHostEnvironment(dataDirectory, "NewsBot.Benchmarks", Environments.Production));
        _host = BotComposition.Create(
            dataDirectory,
            o => o.Topics = topics.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase),
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);

                // The stores the poller and the ingestor write, timed.
                if (storage is null)
                {
                    services.AddSingleton<IArticleStore>(sp => new TimedArticleStore(sp.GetRequiredService<LiteDbArticleStore>(), StoreTimer));
                    services.AddSingleton<ISourceStore>(sp => new TimedSourceStore(sp.GetRequiredService<LiteDbSourceStore>(), StoreTimer));
                }
                else
                {
                    services.AddSingleton<PostgresArticleStore>();
                    services.AddSingleton<PostgresSourceStore>();
                    services.AddSingleton<IArticleStore>(sp => new TimedArticleStore(sp.GetRequiredService<PostgresArticleStore>(), StoreTimer));
                    services.AddSingleton<ISourceStore>(sp => new TimedSourceStore(sp.GetRequiredService<PostgresSourceStore>(), StoreTimer));
                }

                // Reading is measured here, planning pushes in the fanout scenario: with no
                // subscriptions the planner would only add its own bookkeeping to each batch.
                services.RemoveAll<INewArticlesObserver>();
                _poller.Register(services, Admins);
            },
            storage);
    }

    public FeedsOptions Options => _poller.Options;

    public StoreStopwatch StoreTimer { get; } = new();

    public CountingAdminNotifier Admins { get; } = new();

    public FeedFetcher Fetcher => _poller.Fetcher;

    public FeedPollingService Scheduler => _host.Services.GetRequiredService<FeedPollingService>();

    public ISourceStore Sources => _host.Services.GetRequiredService<ISourceStore>();

    public IArticleStore Articles => _host.Services.GetRequiredService<IArticleStore>();

    public ArticleIndex Index => _host.Services.GetRequiredService<ArticleIndex>();

    public IReadOnlyDictionary<string, string?>? Storage { get; }

    /// <summary>Who this poller is among instances sharing a database: the owner of its claims.</summary>
    public string InstanceId => _host.Services.GetRequiredService<NewsBot.Core.Roles.InstanceIdentity>().Id;

    /// <summary>The database's size: the LiteDB file, or the PostgreSQL database on disk.</summary>
    public async Task<long> SizeAsync(CancellationToken cancellationToken) =>
        Storage is { } settings
            ? await Stores.PostgresDatabases.SizeAsync(settings["Storage:Postgres:ConnectionString"]!, cancellationToken)
            : new FileInfo(_host.Services.GetRequiredService<NewsBotDatabase>().FilePath).Length;

    public void Dispose()
    {
        _host.Dispose();
        _poller.Dispose();
    }
}
