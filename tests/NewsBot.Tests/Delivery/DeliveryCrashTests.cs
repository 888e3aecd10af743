namespace NewsBot.Tests.Delivery;

/// <summary>
/// The real executable, killed with SIGKILL in the middle of a fan-out to 5,000 chats and
/// started again: every chat gets its message exactly once.
/// </summary>
public sealed class DeliveryCrashTests() : ServerTest<FakeTelegramServer>(FakeTelegramServer.StartAsync)
{
    private const int Chats = 5_000;
    private const int AnsweredBeforeTheCrash = 1_234;
    private const int InFlight = 4;

    private string DataDirectory => Path.Combine(Folder.Path, "data");

    private string FeedPath => Path.Combine(Folder.Path, "kelderfeld-wire.xml");

    [Fact]
    public async Task KilledMidFanOut_AndRestarted_EveryChatGetsItsMessageExactlyOnce()
    {
        await SeedAsync();

        // The fake answers this many pushes, then answers nothing more. Once as many sends hang
        // as the bot has in flight at most, each answered one has been recorded (a send's slot
        // is freed only after its outcome is written), and the kill comes then.
        Server.Fail("sendMessage", [
            .. Enumerable.Repeat(TelegramFailure.Slow(TimeSpan.Zero), AnsweredBeforeTheCrash),
            .. Enumerable.Repeat(TelegramFailure.Hang(), Chats)]);
        using (var first = Start())
        {
            await first.WaitUntilAsync(() => Server.Arrived("sendMessage") >= AnsweredBeforeTheCrash + InFlight, "the fan-out to reach the hanging sends");
            first.Kill();
        }

        Assert.Equal(AnsweredBeforeTheCrash, Delivered().Count);
        Server.ClearFailures("sendMessage");
        using (var second = Start())
        {
            await second.WaitUntilAsync(() => Delivered().Count >= Chats, "every chat to be served after the restart");
            await second.TerminateAsync();
            await second.WaitAsync();
        }

        var delivered = Delivered();
        Assert.Equal(Chats, delivered.Count);
        Assert.Equal(Chats, delivered.Select(r => r.ChatId).Distinct().Count());
        using var database = NewsBotDatabase.Open(DataDirectory);
        Assert.Equal(0, await new LiteDbOutboxStore(database).CountPendingAsync(CancellationToken.None));
    }

    private List<TelegramRequest> Delivered() => Server.Calls("sendMessage").Where(r => r.Succeeded).ToList();

    /// <summary>
    /// 5,000 chats following "kelderfeld", and a feed the bot has read before, now with three
    /// new items about it: the first poll after start fans them out.
    /// </summary>
    private async Task SeedAsync()
    {
        var now = DateTimeOffset.UtcNow;
        File.WriteAllText(FeedPath, Feed(now));
        using var database = NewsBotDatabase.Open(DataDirectory);
        var sources = new LiteDbSourceStore(database);
        var source = await sources.EnsureAsync("Kelderfeld Wire", FeedPath, [], fromConfiguration: true, CancellationToken.None);
        await sources.SaveAsync(source with { LastSuccessAt = now.AddHours(-1), LastAttemptAt = now.AddHours(-1), NextPollAt = null }, CancellationToken.None);

        var chats = new LiteDbChatStore(database);
        var subscriptions = new LiteDbSubscriptionStore(database);
        database.Database.BeginTrans();
        for (var i = 1; i <= Chats; i++)
        {
            var chat = new ChatAddress(NewsBot.Core.Chats.PlatformNames.Telegram, (700_000 + i).ToString(CultureInfo.InvariantCulture));
            await chats.SaveAsync(new ChatRecord(chat.Key, chat.Platform, ChatKind.Private, null, null, true, null, now, now), CancellationToken.None);
            await subscriptions.AddAsync(new Subscription(0, chat.Key, SubscriptionKind.Keywords, "kelderfeld", DeliveryMode.Instant, null, chat.Key, now), CancellationToken.None);
        }

        database.Database.Commit();
    }

    private static string Feed(DateTimeOffset now)
    {
        var items = string.Concat(Enumerable.Range(1, 3).Select(i => $"""
            <item>
              <title>Kelderfeld glaciologists publish survey part {i}</title>
              <link>https://kelderfeld.example/survey-{i}</link>
              <guid>kelderfeld-survey-{i}</guid>
              <description>Part {i} of the Kelderfeld radar survey of the Aldermoor glacier.</description>
              <pubDate>{now.AddMinutes(-10 * i).ToString("R", CultureInfo.InvariantCulture)}</pubDate>
            </item>
            """));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Kelderfeld Wire</title><link>https://kelderfeld.example/</link><description>Surveys</description>
            {items}
            </channel></rss>
            """;
    }

    private NewsBotProcess Start() => NewsBotProcess.Start(Folder.Path, ["run"], new Dictionary<string, string>
    {
        ["Telegram__Token"] = FakeTelegramServer.Token,
        ["Telegram__ApiBaseUrl"] = Server.BaseUrl,
        ["NewsBot__DataDirectory"] = DataDirectory,
        ["Feeds__Sources__0__Name"] = "Kelderfeld Wire",
        ["Feeds__Sources__0__Url"] = FeedPath,

        // The ceilings lifted, so 5,000 pushes take seconds rather than minutes.
        ["Delivery__Telegram__MessagesPerSecond"] = "100000",
        ["Delivery__Telegram__PerChatPerSecond"] = "1000",
        ["Delivery__Telegram__PerGroupPerMinute"] = "60000",
        ["Delivery__MaxConcurrentSends"] = InFlight.ToString(CultureInfo.InvariantCulture),
    });
}
