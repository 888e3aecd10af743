using NewsBot.Testing;

namespace NewsBot.Tests.Feeds;

/// <summary>
/// The real poller (fetcher, parser, ingestor, LiteDB) on a fake clock. Fetch time-outs run on
/// the real clock, so a dripping server is cut off for real; schedules follow the fake one.
/// </summary>
internal sealed class PollingHarness : IDisposable
{
    private readonly PollerParts _poller;

    /// <param name="services">Registrations made after the harness's own, which they may replace.</param>
    public PollingHarness(FeedsOptions? options = null, Action<IServiceCollection>? services = null)
    {
        Options = options ?? new FeedsOptions();
        Options.AllowPrivateAddresses = true; // the fake sites live on 127.0.0.1; one test turns this off
        _poller = new PollerParts(Options, new StandInHostEnvironment(Fixtures.Directory, "NewsBot.Tests", Environments.Development));
        Bot = new TestBot(services: s =>
        {
            _poller.Register(s, Admins);
            services?.Invoke(s);
        });
    }

    public FeedsOptions Options { get; }

    public TestBot Bot { get; }

    public RecordingAdminNotifier Admins { get; } = new();

    public ISourceStore Sources => Bot.Get<ISourceStore>();

    public IArticleStore Articles => Bot.Get<IArticleStore>();

    public async Task<FeedSource> AddAsync(string url, string name = "Wire") => await Sources.EnsureAsync(name, url, [], fromConfiguration: false, CancellationToken.None);

    public async Task<FeedSource> ReloadAsync(FeedSource source) => (await Sources.GetAsync(source.Id, CancellationToken.None))!;

    /// <summary>Polls the source now, whatever its schedule; returns its state afterwards.</summary>
    public async Task<FeedSource> PollAsync(FeedSource source)
    {
        // Fetch, then store, as a polling round does.
        var poller = Bot.Get<SourcePoller>();
        var current = await ReloadAsync(source);
        await poller.ApplyAsync(current, await poller.FetchAsync(current, CancellationToken.None), CancellationToken.None);
        return await ReloadAsync(source);
    }

    public Task<int> PollDueAsync() => Bot.Get<FeedPollingService>().PollDueAsync(CancellationToken.None);

    public void Dispose()
    {
        Bot.Dispose();
        _poller.Dispose();
    }
}
