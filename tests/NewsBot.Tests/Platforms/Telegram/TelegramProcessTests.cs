namespace NewsBot.Tests.Platforms.Telegram;

/// <summary>The real executable with a Telegram token, talking to the fake Bot API.</summary>
public sealed class TelegramProcessTests() : ServerTest<FakeTelegramServer>(FakeTelegramServer.StartAsync)
{
    [Fact]
    public async Task Run_WithATelegramToken_ServesTelegramUntilTerminated()
    {
        using var process = Start(FakeTelegramServer.Token);
        await process.WaitUntilAsync(() => Server.Calls("deleteWebhook").Count > 0, "the bot to start its long poll");
        Server.Enqueue(TelegramChats.Say(6001, "/start"));
        var welcome = await Server.WaitForSendAsync(6001);
        Assert.Contains("Welcome to NewsBot", welcome.Text, StringComparison.Ordinal);

        await process.TerminateAsync();
        var (exitCode, _, log) = await process.WaitAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("running on Telegram", log, StringComparison.Ordinal);
        Assert.Contains("connected as @" + FakeTelegramServer.BotUserName, log, StringComparison.Ordinal);
        Assert.DoesNotContain("terminal", log, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Run_WithATokenTelegramRefuses_ExitsWithCode2AndSaysWhichSettingToFix()
    {
        using var process = Start("999999:not-the-right-token");

        var (exitCode, _, log) = await process.WaitAsync();

        Assert.Equal(2, exitCode);
        Assert.Contains("Telegram:Token", log, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-right-token", log, StringComparison.Ordinal);
    }

    private NewsBotProcess Start(string token) => NewsBotProcess.Start(Folder.Path, ["run"], new Dictionary<string, string>
    {
        ["Telegram__Token"] = token,
        ["Telegram__ApiBaseUrl"] = Server.BaseUrl,
        ["NewsBot__DataDirectory"] = Path.Combine(Folder.Path, "data"),
    });
}
