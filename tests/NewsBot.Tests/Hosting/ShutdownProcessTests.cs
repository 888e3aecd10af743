namespace NewsBot.Tests.Hosting;

/// <summary>Stopping the real executable as a service manager does (SIGTERM), and failing to start cleanly.</summary>
public sealed class ShutdownProcessTests : FolderTest
{
    private string DataDirectory => Path.Combine(Folder.Path, "data");

    [Fact]
    public async Task Chat_SigtermWhileItsInputIsStillOpen_StopsAndLetsGoOfTheDatabase()
    {
        using var bot = NewsBotProcess.Start(Folder.Path, ["chat"]);
        await bot.Input.WriteLineAsync("/topics");
        await bot.Input.FlushAsync();
        await bot.WaitForOutputAsync("Topics");

        await bot.TerminateAsync();
        var (exitCode, output, errors) = await bot.WaitAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("Topics", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(DataDirectory, "newsbot.db.lock")));
    }

    [Fact]
    public async Task Run_SigtermDuringASend_LetsTheSendFinishAndRecordsIt()
    {
        var story = await PrepareOnePushAsync(chatId: 4242);
        await using var telegram = await FakeTelegramServer.StartAsync();
        // The story has an image, so it goes out as a photo; either way the answer takes 3 s.
        telegram.Fail("sendPhoto", TelegramFailure.Slow(TimeSpan.FromSeconds(3)));
        telegram.Fail("sendMessage", TelegramFailure.Slow(TimeSpan.FromSeconds(3)));
        using var bot = NewsBotProcess.Start(Folder.Path, ["run"], new Dictionary<string, string>
        {
            ["Telegram__Token"] = FakeTelegramServer.Token,
            ["Telegram__ApiBaseUrl"] = telegram.BaseUrl,
        });
        await bot.WaitUntilAsync(() => telegram.Arrived("sendPhoto") + telegram.Arrived("sendMessage") > 0, "the push to reach Telegram");

        await bot.TerminateAsync();
        var (exitCode, _, errors) = await bot.WaitAsync();

        Assert.True(exitCode == 0, errors);
        var sent = Assert.Single(telegram.Calls("sendPhoto").Concat(telegram.Calls("sendMessage")));
        Assert.Equal(4242, sent.ChatId);
        Assert.True(sent.Succeeded);
        using var check = Open();
        var entry = await check.Services.GetRequiredService<IOutboxStore>().FindAsync("telegram:4242", story, CancellationToken.None);
        Assert.Equal(OutboxState.Sent, entry!.State);
    }

    [Fact]
    public async Task Chat_BadSetting_PrintsOnlyTheFriendlyMessage()
    {
        var (exitCode, output, errors) = await NewsBotProcess.RunAsync(Folder.Path, ["chat"], "", new Dictionary<string, string> { ["NewsBot__PageSize"] = "500" });

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith("NewsBot cannot start: the configuration has problems.", errors, StringComparison.Ordinal);
        Assert.Contains("NewsBot:PageSize must be between 1 and 20", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(DataDirectory, "newsbot.db.lock")));
    }

    [Fact]
    public async Task Chat_MonitoringPortTaken_PrintsOnlyTheFriendlyMessage()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, _, errors) = await NewsBotProcess.RunAsync(Folder.Path, ["chat"], "", new Dictionary<string, string> { ["Monitoring__ListenUrl"] = $"http://127.0.0.1:{port}" });

        Assert.Equal(2, exitCode);
        Assert.Contains($"Monitoring:ListenUrl http://127.0.0.1:{port} cannot be used: the address is already in use", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    /// <summary>Opens the data folder with a fresh host, stores one push due now and returns its story id.</summary>
    private async Task<int> PrepareOnePushAsync(long chatId)
    {
        using var host = Open();
        host.StartAsync().GetAwaiter().GetResult();
        var article = (await host.Services.GetRequiredService<IArticleStore>().GetAsync(1, CancellationToken.None))!;
        var chat = $"telegram:{chatId}";
        var now = DateTimeOffset.UtcNow;
        await host.Services.GetRequiredService<IOutboxStore>().EnqueueAsync([OutboxEntry.ForStories(chat, OutboxKeys.Stories(chat, article.Id), [article.StoryLeadId], [article.Id], now, now)], CancellationToken.None);
        host.StopAsync().GetAwaiter().GetResult();
        return article.StoryLeadId;
    }

    private Microsoft.Extensions.Hosting.IHost Open() =>
        NewsBotHost.CreateBuilder(HostMode.TerminalChat, c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NewsBot:DataDirectory"] = DataDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
        })).Build();
}
