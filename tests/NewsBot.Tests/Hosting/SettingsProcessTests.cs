namespace NewsBot.Tests.Hosting;

/// <summary>
/// The settings files as the real executable reads them: appsettings.json beside it and, in
/// Development, the user secrets under HOME. The configuration is read once, whichever verb runs.
/// </summary>
public sealed class SettingsProcessTests : FolderTest
{
    /// <summary>
    /// A missing comma at the end of the third line: the parser stops at the fourth line's first
    /// quote, the fifth character, counted from one as an editor does.
    /// </summary>
    private const string MissingComma = """
        {
          "NewsBot": {
            "PageSize": 5
            "DataDirectory": "data"
          }
        }
        """;

    private const string WhereTheCommaIsMissing = "Line 4, character 5: ";

    private string Home => Path.Combine(Folder.Path, "home");

    private string DataDirectory => Path.Combine(Folder.Path, "data");

    [Theory]
    [InlineData("run")]
    [InlineData("chat")]
    public async Task BrokenAppSettings_StopsStartUpWithCode2_NamingTheFileAndTheLine(string verb)
    {
        // A copy of the app of its own, run from its folder: appsettings.json there is the one it reads.
        var app = NewsBotProcess.CopyApp(Path.Combine(Folder.Path, "app"));
        var settings = Path.Combine(app, "appsettings.json");
        await File.WriteAllTextAsync(settings, MissingComma);

        var (exitCode, output, errors) = await NewsBotProcess.RunAsync(app, [verb], "/topics\n", new Dictionary<string, string>
        {
            ["NewsBot__DataDirectory"] = DataDirectory,
        }, appDirectory: app);

        AssertStoppedWithCode2NamingTheLineOf(settings, exitCode, output, errors);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("chat")]
    public async Task BrokenUserSecrets_InDevelopment_StopStartUpWithCode2_NamingTheFileAndTheLine(string verb)
    {
        var secrets = WriteUserSecrets(MissingComma);

        var (exitCode, output, errors) = await NewsBotProcess.RunAsync(Folder.Path, [verb], "/topics\n", new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["HOME"] = Home,
            ["NewsBot__DataDirectory"] = DataDirectory,
        });

        AssertStoppedWithCode2NamingTheLineOf(secrets, exitCode, output, errors);
    }

    [Fact]
    public async Task Run_TelegramTokenOnlyInUserSecrets_ServesTelegram()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        WriteUserSecrets($$"""{ "Telegram": { "Token": "{{FakeTelegramServer.Token}}" } }""");
        using var bot = NewsBotProcess.Start(Folder.Path, ["run"], new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["HOME"] = Home,
            ["Telegram__ApiBaseUrl"] = telegram.BaseUrl,
            ["NewsBot__DataDirectory"] = DataDirectory,
        });

        await bot.WaitForLogAsync("NewsBot is running on Telegram");
        await bot.WaitUntilAsync(() => telegram.Calls("getMe").Count > 0 && telegram.Calls("getUpdates").Count > 0, "getMe and a getUpdates long poll");
        await bot.TerminateAsync();
        var (exitCode, output, errors) = await bot.WaitAsync();

        Assert.Equal(0, exitCode);
        Assert.All(telegram.Requests, r => Assert.Equal(FakeTelegramServer.Token, r.Token));
        Assert.Contains("connected as @" + FakeTelegramServer.BotUserName, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("No Telegram or Discord token is configured", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("terminal", output + errors, StringComparison.OrdinalIgnoreCase);
        Assert.True(File.Exists(Path.Combine(DataDirectory, "newsbot.db")));
    }

    /// <summary>The bot stopped before it touched its data, with code 2 and one message naming the file and where its comma is missing, and no stack trace.</summary>
    private void AssertStoppedWithCode2NamingTheLineOf(string file, int exitCode, string output, string errors)
    {
        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith($"NewsBot cannot start: Failed to load configuration from file '{file}'.", errors, StringComparison.Ordinal);
        Assert.Contains(WhereTheCommaIsMissing, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(DataDirectory));
    }

    /// <summary>Writes the user-secrets file the bot reads when HOME is <see cref="Home"/>; returns its path.</summary>
    private string WriteUserSecrets(string json)
    {
        var secrets = NewsBotProcess.UserSecretsFile(Home);
        Directory.CreateDirectory(Path.GetDirectoryName(secrets)!);
        File.WriteAllText(secrets, json);
        return secrets;
    }
}
