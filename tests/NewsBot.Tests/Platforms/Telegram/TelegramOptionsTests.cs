using Telegram.Bot;

namespace NewsBot.Tests.Platforms.Telegram;

public sealed class TelegramOptionsTests : FolderTest
{
    private const string Token = "123456:TEST-token_abcDEF";

    [Fact]
    public void Validate_PollingWithAWellFormedToken_Succeeds()
    {
        var result = new TelegramOptionsValidator().Validate(null, new TelegramOptions { Token = Token });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [MemberData(nameof(BadSettings.Of), "Telegram", MemberType = typeof(BadSettings))]
    public void Validate_BadValue_NamesTheKey(string property, string value, string key)
    {
        var options = new TelegramOptions { Token = Token };
        typeof(TelegramOptions).GetProperty(property)!.SetValue(options, value);

        var result = new TelegramOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadToken_DoesNotRepeatTheTokenInTheMessage()
    {
        var result = new TelegramOptionsValidator().Validate(null, new TelegramOptions { Token = "123456:has spaces secret" });

        Assert.True(result.Failed);
        Assert.DoesNotContain("secret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadSettings.Of), "TelegramWebhook", MemberType = typeof(BadSettings))]
    public void Validate_WebhookModeWithBadSettings_NamesTheKey(string url, string secret, string key)
    {
        var options = new TelegramOptions { Token = Token, Mode = "Webhook", WebhookUrl = url, WebhookSecret = secret };

        var result = new TelegramOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WebhookSecretOf256AllowedCharacters_Succeeds()
    {
        var options = new TelegramOptions { Token = Token, Mode = "webhook", WebhookUrl = "https://bot.example/tg/hook", WebhookSecret = new string('a', 255) + "_" };

        var result = new TelegramOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal("/tg/hook", options.WebhookPath);
    }

    [Fact]
    public void Validate_WebhookSecretOf257Characters_Fails()
    {
        var options = new TelegramOptions { Token = Token, Mode = "Webhook", WebhookUrl = "https://bot.example/hook", WebhookSecret = new string('a', 257) };

        Assert.True(new TelegramOptionsValidator().Validate(null, options).Failed);
    }

    [Theory]
    [InlineData("@newsbot_channel", true)]
    [InlineData("-1001234567890", true)]
    [InlineData("newsbot_channel", false)]
    [InlineData("@a", false)]
    [InlineData("https://t.me/newsbot_channel", false)]
    public void Validate_AnnouncementChannel_AcceptsUsernamesAndIds(string channel, bool valid)
    {
        var options = new TelegramOptions { Token = Token };
        options.AnnouncementChannels.Add(channel);

        var result = new TelegramOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Telegram:AnnouncementChannels:0", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AddTelegram_WithoutToken_RegistersNothing()
    {
        using var host = Build(new() { ["Telegram:Token"] = "" });

        Assert.Null(host.Services.GetService<ITelegramBotClient>());
    }

    [Fact]
    public void AddTelegram_WithToken_RegistersTheClientWithTheBotIdFromTheToken()
    {
        using var host = Build(new() { ["Telegram:Token"] = Token, ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9" });

        var client = host.Services.GetRequiredService<ITelegramBotClient>();

        Assert.Equal(123456, client.BotId);
    }

    [Fact]
    public void AddTelegram_AnnouncementChannels_AreBoundFromConfiguration()
    {
        using var host = Build(new()
        {
            ["Telegram:Token"] = Token,
            ["Telegram:AnnouncementChannels:0"] = "@newsbot_news",
            ["Telegram:AnnouncementChannels:1"] = "-1001234567890",
        });

        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelegramOptions>>().Value;

        Assert.Equal(["@newsbot_news", "-1001234567890"], options.AnnouncementChannels);
    }

    [Fact]
    public async Task Start_WebhookModeWithoutSecret_StopsWithAMessageNamingTheKey()
    {
        using var host = Build(new()
        {
            ["Telegram:Token"] = Token,
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookUrl"] = "https://bot.example/hook",
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.True(StartupFailure.TryDescribe(error, out var message), error.ToString());
        Assert.Contains("Telegram:WebhookSecret", message, StringComparison.Ordinal);
    }

    private IHost Build(Dictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["NewsBot:DataDirectory"] = Folder.Path,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return NewsBotHost.CreateBuilder(HostMode.Service, c => c.AddInMemoryCollection(all)).Build();
    }
}
