namespace NewsBot.Tests.Platforms.Telegram;

/// <summary>One fake Bot API and one running bot shared by a class's tests; each test talks in its own chats.</summary>
public sealed class TelegramBotFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _data = new();

    public FakeTelegramServer Telegram { get; private set; } = null!;

    public TelegramTestHost Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Telegram = await FakeTelegramServer.StartAsync();
        Bot = await TelegramTestHost.StartAsync(Telegram, _data.Path);
        await Telegram.WaitForAsync("deleteWebhook");
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Telegram.DisposeAsync();
    }

    public void Dispose() => _data.Dispose();
}
