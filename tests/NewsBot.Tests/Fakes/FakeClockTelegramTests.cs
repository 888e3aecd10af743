namespace NewsBot.Tests.Fakes;

/// <summary>
/// What the tests that run the whole bot against the fake Bot API on a fake clock start from:
/// the server (timing its requests on that clock), the clock, and a data folder, new for each test.
/// </summary>
public abstract class FakeClockTelegramTests : IAsyncLifetime
{
    protected TempDirectory Data { get; } = new();

    protected FakeTimeProvider Clock { get; } = new(TestBot.Now);

    protected FakeTelegramServer BotApi { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        BotApi = await FakeTelegramServer.StartAsync();
        BotApi.Clock = Clock;
    }

    public async Task DisposeAsync()
    {
        await BotApi.DisposeAsync();
        Data.Dispose();
    }
}
