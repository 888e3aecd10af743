using Microsoft.Extensions.Logging.Testing;
using NewsBot.Core.Telemetry;

namespace NewsBot.Tests.Hosting;

/// <summary>Logs for machines: one JSON object per line, with the id of what a line is about as a field.</summary>
public sealed class JsonLogTests : FolderTest
{
    [Fact]
    public async Task Json_FailingSource_IsOneJsonObjectPerLineWithTheSourceIdAsAField()
    {
        var (exitCode, _, errors) = await NewsBotProcess.RunAsync(Folder.Path, ["chat"], "/latest\n", new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = "json",
            ["Feeds__Sources__4__Name"] = "Gone Gazette",
            ["Feeds__Sources__4__Url"] = "Samples/no-such-feed.xml",
        });

        Assert.Equal(0, exitCode);
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var failed = Assert.Single(entries, e => e.GetProperty("Category").GetString() == "NewsBot.Feeds.SourcePoller");
        Assert.Equal("Warning", failed.GetProperty("LogLevel").GetString());
        Assert.Equal("Gone Gazette", failed.GetProperty("State").GetProperty("Source").GetString());
        var scope = Assert.Single(failed.GetProperty("Scopes").EnumerateArray());
        Assert.Equal(5, scope.GetProperty("SourceId").GetInt32());
        Assert.True(DateTimeOffset.TryParse(failed.GetProperty("Timestamp").GetString(), out _));
    }

    [Fact]
    public async Task UnknownFormatter_StopsStartUpNamingTheKey()
    {
        var (exitCode, _, errors) = await NewsBotProcess.RunAsync(Folder.Path, ["chat"], "", new Dictionary<string, string> { ["Logging__Console__FormatterName"] = "xml" });

        Assert.Equal(2, exitCode);
        Assert.Contains("Logging:Console:FormatterName must be simple, json or systemd; got \"xml\".", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_LinesLoggedDuringIt_CarryTheChatAndTheOutboxEntry()
    {
        using var bot = new TestBot();
        var article = (await bot.IngestAsync(bot.Source("Wire"), TestBot.Entry("Tram line opens"))).Single();
        var now = bot.Time.GetUtcNow();
        var outbox = bot.Get<IOutboxStore>();
        await outbox.EnqueueAsync([OutboxEntry.ForStories("telegram:77", OutboxKeys.Stories("telegram:77", article.Id), [article.StoryLeadId], [article.Id], now, now)], CancellationToken.None);
        var logs = new FakeLogCollector();
        var dispatcher = new DeliveryDispatcher(
            outbox, bot.Get<IArticleStore>(), bot.Get<ChatLifecycle>(), [], Options.Create(new DeliveryOptions()), bot.Get<NewsBotMetrics>(), bot.Time, new FakeLogger<DeliveryDispatcher>(logs));

        var round = dispatcher.DispatchRoundAsync(new ThrowingSender(), CancellationToken.None, CancellationToken.None);
        // The pacer spaces even the first send; the fake clock moves on until it has gone.
        for (var i = 0; i < 1000 && !round.IsCompleted; i++)
        {
            await Task.Delay(1);
            bot.Time.Advance(TimeSpan.FromMilliseconds(250));
        }

        await round.WaitAsync(TimeSpan.FromSeconds(10));

        var record = Assert.Single(logs.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Equal("Sending to telegram:77 failed unexpectedly", record.Message);
        var scope = Assert.IsAssignableFrom<IEnumerable<KeyValuePair<string, object?>>>(Assert.Single(record.Scopes));
        var fields = scope.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("telegram:77", fields["Chat"]);
        Assert.Equal((await outbox.FindAsync("telegram:77", article.StoryLeadId, CancellationToken.None))!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), fields["Outbox"]);
    }

    private sealed class ThrowingSender : IChatSender
    {
        public string Platform => NewsBot.Core.Chats.PlatformNames.Telegram;

        public Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the adapter broke");
    }
}
