using NewsBot.Storage.Postgres;

namespace NewsBot.Tests.Roles;

/// <summary>
/// The real executable, two instances on one real PostgreSQL database, the fake Bot API on
/// loopback: the instance that plans and sends is killed, or paused past its lease, in the
/// middle of a fan-out to 200 chats. The survivor takes over; every chat gets the story; the
/// only repeats are sends that were on their way; the two together never send more than the
/// platform allows in any second. 200 chats rather than thousands keep a run on two cores short.
/// </summary>
public sealed class ScaleOutProcessTests : IAsyncLifetime, IDisposable
{
    private const int Chats = 200;
    private const int SentBeforeTheTrouble = 60;
    private const int InFlight = 4;
    private const int LeaseSeconds = 3;

    /// <summary>Telegram's ceiling; the instances pace at 25 a second, the margin is for the jitter of loopback arrivals.</summary>
    private const int PlatformCeiling = 30;

    private readonly TempDirectory _workingDirectory = new();
    private TemporaryPostgresDatabase _database = null!;
    private FakeTelegramServer _telegram = null!;
    private FakeTelegramServer _otherTelegram = null!;

    private string FeedPath => Path.Combine(_workingDirectory.Path, "kelderfeld-wire.xml");

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        _telegram = await FakeTelegramServer.StartAsync();
        _otherTelegram = await FakeTelegramServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        await _otherTelegram.DisposeAsync();
        await _database.DisposeAsync();
    }

    public void Dispose() => _workingDirectory.Dispose();

    [Fact]
    public async Task OwnerKilledMidFanOut_TheSurvivorTakesOver_EveryChatGetsTheStory_WithinTheRate()
    {
        await SeedAsync();
        using var first = Start("first", _telegram);
        await first.WaitForLogAsync("now holds the role dispatching:telegram");
        await first.WaitForLogAsync("now holds the role planning");
        using var second = Start("second", _telegram);
        await second.WaitForLogAsync("Telegram: connected as");

        await PublishAsync();
        await first.WaitUntilAsync(() => _telegram.Arrived("sendMessage") >= SentBeforeTheTrouble, "the fan-out to be under way");
        first.Kill();

        await second.WaitForLogAsync("now holds the role dispatching:telegram");
        await second.WaitUntilAsync(() => Delivered(_telegram).Select(r => r.ChatId).Distinct().Count() >= Chats, "every chat to get the story");

        CheckDeliveries(Delivered(_telegram));
    }

    [Fact]
    public async Task OwnerPausedPastItsLease_IsFencedOff_AndSendsNothingMoreWhenItWakes()
    {
        await SeedAsync();

        // Each instance talks to a Bot API of its own, so every send can be told apart; together they are the platform.
        using var first = Start("first", _telegram);
        await first.WaitForLogAsync("now holds the role dispatching:telegram");
        using var second = Start("second", _otherTelegram);
        await second.WaitForLogAsync("Telegram: connected as");

        await PublishAsync();
        await first.WaitUntilAsync(() => _telegram.Arrived("sendMessage") >= SentBeforeTheTrouble, "the fan-out to be under way");
        await first.PauseAsync();
        try
        {
            await second.WaitForLogAsync("now holds the role dispatching:telegram");
            await second.WaitUntilAsync(() => Delivered(_telegram).Concat(Delivered(_otherTelegram)).Select(r => r.ChatId).Distinct().Count() >= Chats, "every chat to get the story");
        }
        finally
        {
            await first.ResumeAsync();
        }

        var sentByTheOldOwner = _telegram.Arrived("sendMessage");
        await first.WaitForLogAsync("no longer holds the role dispatching:telegram");

        // Awake, the old owner found the role gone: it has sent nothing since, and the role stays with the other.
        Assert.Equal(sentByTheOldOwner, _telegram.Arrived("sendMessage"));
        Assert.NotEqual(InstanceOf(first), (await _database.QueryAsync<string>("SELECT owner FROM role_leases WHERE role = 'dispatching:telegram'")).Single());
        CheckDeliveries(Delivered(_telegram).Concat(Delivered(_otherTelegram)).ToList());
    }

    /// <summary>The id an instance gave itself in its first log line.</summary>
    private static string InstanceOf(NewsBotProcess process) =>
        System.Text.RegularExpressions.Regex.Match(process.ErrorsSoFar, @"Instance (\S+) starting").Groups[1].Value;

    /// <summary>Every chat once, repeats only for sends that were on their way, never more than the ceiling in any second.</summary>
    private static void CheckDeliveries(List<TelegramRequest> delivered)
    {
        Assert.Equal(Chats, delivered.Select(r => r.ChatId).Distinct().Count());
        Assert.InRange(delivered.Count - Chats, 0, InFlight);
        var arrivals = delivered.Select(r => r.At).Order().ToList();
        for (var i = 0; i < arrivals.Count; i++)
        {
            var inOneSecond = arrivals.Skip(i).TakeWhile(t => t < arrivals[i] + TimeSpan.FromSeconds(1)).Count();
            Assert.True(inOneSecond <= PlatformCeiling, $"{inOneSecond} pushes arrived in the second from {arrivals[i]:HH:mm:ss.fff}");
        }
    }

    private static List<TelegramRequest> Delivered(FakeTelegramServer telegram) => telegram.Calls("sendMessage").Where(r => r.Succeeded).ToList();

    /// <summary>200 chats following "kelderfeld", and a feed read an hour ago that is not due yet.</summary>
    private async Task SeedAsync()
    {
        var now = DateTimeOffset.UtcNow;
        File.WriteAllText(FeedPath, Feed(now, items: 0));
        await using var database = new PostgresDatabase(_database.ConnectionString);
        var sources = new PostgresSourceStore(database);
        var source = await sources.EnsureAsync("Kelderfeld Wire", FeedPath, [], fromConfiguration: true, CancellationToken.None);
        await sources.SaveAsync(source with { LastSuccessAt = now.AddHours(-1), LastAttemptAt = now.AddHours(-1), NextPollAt = now.AddHours(1) }, CancellationToken.None);
        var chats = new PostgresChatStore(database);
        var subscriptions = new PostgresSubscriptionStore(database);
        for (var i = 1; i <= Chats; i++)
        {
            var chat = new ChatAddress(NewsBot.Core.Chats.PlatformNames.Telegram, (700_000 + i).ToString(CultureInfo.InvariantCulture));
            await chats.SaveAsync(new ChatRecord(chat.Key, chat.Platform, ChatKind.Private, null, null, true, null, now, now), CancellationToken.None);
            await subscriptions.AddAsync(new Subscription(0, chat.Key, SubscriptionKind.Keywords, "kelderfeld", DeliveryMode.Instant, null, chat.Key, now), CancellationToken.None);
        }
    }

    /// <summary>Three new items in the feed, and the source due now: an instance reads it within a polling tick.</summary>
    private async Task PublishAsync()
    {
        File.WriteAllText(FeedPath, Feed(DateTimeOffset.UtcNow, items: 3));
        await _database.ExecuteAsync("UPDATE sources SET next_poll_at = now() - interval '1 second'");
    }

    private static string Feed(DateTimeOffset now, int items)
    {
        var entries = string.Concat(Enumerable.Range(1, items).Select(i => $"""
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
            {entries}
            </channel></rss>
            """;
    }

    private NewsBotProcess Start(string name, FakeTelegramServer telegram)
    {
        var folder = Path.Combine(_workingDirectory.Path, name);
        Directory.CreateDirectory(folder);
        return NewsBotProcess.Start(folder, ["run"], new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__Postgres__ConnectionString"] = _database.ConnectionString,
            ["Scaling__LeaseSeconds"] = LeaseSeconds.ToString(CultureInfo.InvariantCulture),
            ["Telegram__Token"] = FakeTelegramServer.Token,
            ["Telegram__ApiBaseUrl"] = telegram.BaseUrl,
            ["Feeds__Sources__0__Name"] = "Kelderfeld Wire",
            ["Feeds__Sources__0__Url"] = FeedPath,
            ["Delivery__Telegram__MessagesPerSecond"] = "25",
            ["Delivery__MaxConcurrentSends"] = InFlight.ToString(CultureInfo.InvariantCulture),
        });
    }
}
