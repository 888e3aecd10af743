namespace NewsBot.Tests.Fakes;

/// <summary>
/// What the tests that run the whole bot against the fake Bot API on a fake clock start from:
/// the server (timing its requests on that clock), the clock, and a data folder, new for each test;
/// and a source, not in the configuration, whose stories the tests ingest.
/// </summary>
public abstract class FakeClockTelegramTests : IAsyncLifetime
{
    protected TempDirectory Data { get; } = new();

    protected FakeTimeProvider Clock { get; } = new(TestBot.Now);

    protected FakeTelegramServer BotApi { get; private set; } = null!;

    protected static FeedSource Wire { get; } = new(900, "Wire", "https://wire.example/feed", [], true, null, null, null, 0, 0, null);

    public async Task InitializeAsync()
    {
        BotApi = await FakeTelegramServer.StartAsync();
        BotApi.Clock = Clock;
    }

    /// <summary>The whole bot on this test's server, data folder and clock.</summary>
    protected Task<TelegramTestHost> StartBotAsync(Dictionary<string, string?>? settings = null) =>
        TelegramTestHost.StartAsync(BotApi, Data.Path, settings, Clock);

    public async Task DisposeAsync()
    {
        await BotApi.DisposeAsync();
        Data.Dispose();
    }
}
