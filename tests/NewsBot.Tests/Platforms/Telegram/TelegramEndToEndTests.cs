namespace NewsBot.Tests.Platforms.Telegram;

public sealed class TelegramEndToEndTests : FolderTest, IAsyncLifetime
{
    private FakeTelegramServer _telegram = null!;
    private TelegramTestHost _bot = null!;

    public async Task InitializeAsync()
    {
        _telegram = await FakeTelegramServer.StartAsync();
        _bot = await TelegramTestHost.StartAsync(_telegram, Folder.Path);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _telegram.DisposeAsync();
    }

    [Fact]
    public async Task Start_PublishesTheCatalogAsTheMenu_AndRemovesALeftoverWebhook()
    {
        var menu = await _telegram.WaitForAsync("setMyCommands");
        await _telegram.WaitForAsync("deleteWebhook");

        var commands = menu.Body["commands"]!.AsArray().Select(c => ((string)c!["command"]!, (string)c["description"]!)).ToList();
        var expected = CommandCatalog.All.Where(c => c.Audience != CommandAudience.BotAdmins).Select(c => (c.Name, c.Summary)).ToList();
        Assert.Equal(expected, commands);
        Assert.False((bool?)_telegram.Calls("deleteWebhook")[0].Body["drop_pending_updates"] ?? false);
    }

    [Fact]
    public async Task Help_InAPrivateChat_IsAnsweredInHtml()
    {
        _telegram.Enqueue(TelegramChats.Say(1001, "/help"));

        var sent = await _telegram.WaitForAsync("sendMessage", r => r.ChatId == 1001);

        Assert.True(sent.IsHtml);
        Assert.Contains("<b>NewsBot commands</b>", sent.Text, StringComparison.Ordinal);
    }
}
