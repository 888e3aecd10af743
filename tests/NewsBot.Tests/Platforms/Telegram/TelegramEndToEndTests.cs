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

        var english = LanguageCatalog.Default.For(LanguageCatalog.EnglishCode);
        var commands = menu.Body["commands"]!.AsArray().Select(c => ((string)c!["command"]!, (string)c["description"]!)).ToList();
        var expected = CommandCatalog.All.Where(c => c.Audience != CommandAudience.BotAdmins).Select(c => (c.Name, c.Summary(english))).ToList();
        Assert.Equal(expected, commands);
        Assert.Null(menu.Body["language_code"]);
        Assert.False((bool?)_telegram.Calls("deleteWebhook")[0].Body["drop_pending_updates"] ?? false);
    }

    [Fact]
    public async Task Start_PublishesTheMenuOncePerLanguage_WithItsLanguageCode_AndTheSameCommandNames()
    {
        await _telegram.WaitForAsync("deleteWebhook");

        var menus = _telegram.Calls("setMyCommands").Where(c => c.Body["language_code"] is not null)
            .ToDictionary(c => (string)c.Body["language_code"]!, c => c.Body["commands"]!.AsArray().Select(x => ((string)x!["command"]!, (string)x["description"]!)).ToList());
        Assert.Equal(["de", "en", "es", "pt", "ru", "zh"], menus.Keys.Order(StringComparer.Ordinal));
        var names = CommandCatalog.All.Where(c => c.Audience != CommandAudience.BotAdmins).Select(c => c.Name).ToList();
        foreach (var language in LanguageCatalog.Default.All)
        {
            var menu = menus[language.TelegramCode];
            var texts = LanguageCatalog.Default.For(language);
            Assert.Equal(names, menu.Select(c => c.Item1));
            Assert.Equal(names.Select(n => CommandCatalog.Find(n)!.Summary(texts)), menu.Select(c => c.Item2));
        }

        Assert.Equal("Die neuesten Artikel", menus["de"].Single(c => c.Item1 == "latest").Item2);
        Assert.Equal("Самые свежие статьи", menus["ru"].Single(c => c.Item1 == "latest").Item2);
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
