using Xunit.Abstractions;

namespace NewsBot.Tests.Roles;

/// <summary>
/// The real executable, three instances on one real PostgreSQL database, the fake Bot API on
/// loopback holding them to one ceiling per second as Telegram does: the instance that plans and
/// sends is killed, or paused past its lease, in the middle of a fan-out to 2,000 chats. A
/// survivor takes over within the lease time; every chat gets the story; the only repeats are
/// sends that were on their way; together they never send more than the ceiling in any second.
/// The instances are paced at 200 messages a second (and the ceiling raised with it) rather
/// than Telegram's 30, so the fan-out takes seconds, not minutes.
/// </summary>
public sealed class ScaleOutProcessTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const int Chats = 2_000;
    private const int SentBeforeTheTrouble = 600;
    private const int InFlight = 4;
    private const int LeaseSeconds = 3;

    /// <summary>What the instances are set to send per second (Delivery:Telegram:MessagesPerSecond).</summary>
    private const int Pace = 200;

    /// <summary>What the platform allows per second: the pace and a fifth more, for the jitter of sends crossing the loopback.</summary>
    private const int PlatformCeiling = 240;

    /// <summary>Beyond the lease time, for the survivor's question to reach the database on a busy machine.</summary>
    private static readonly TimeSpan AskingAllowance = TimeSpan.FromMilliseconds(500);

    private readonly TempDirectory _workingDirectory = new();
    private readonly SendCeiling _ceiling = new(PlatformCeiling);
    private TemporaryPostgresDatabase _database = null!;
    private FakeTelegramServer _telegram = null!;
    private FakeTelegramServer _otherTelegram = null!;
    private SubscribedChats _chats = null!;

    private string FeedPath => Path.Combine(_workingDirectory.Path, "kelderfeld-wire.xml");

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        _telegram = await FakeTelegramServer.StartAsync();
        _otherTelegram = await FakeTelegramServer.StartAsync();
        _telegram.Ceiling = _ceiling;
        _otherTelegram.Ceiling = _ceiling;
        _chats = new SubscribedChats(_database.ConnectionString, FeedPath, "kelderfeld", Chats, 700_000);
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        await _otherTelegram.DisposeAsync();
        await _database.DisposeAsync();
    }

    public void Dispose() => _workingDirectory.Dispose();

    [Fact]
    public async Task OwnerKilledMidFanOut_ASurvivorTakesOverWithinTheLease_EveryChatGetsTheStory_WithinTheCeiling()
    {
        await _chats.SeedAsync("Kelderfeld Wire");
        using var first = Start("first", _telegram);
        await first.WaitForLogAsync("now holds the role dispatching:telegram");
        await first.WaitForLogAsync("now holds the role planning");
        using var second = Start("second", _telegram);
        using var third = Start("third", _telegram);
        await second.WaitForLogAsync("Telegram: connected as");
        await third.WaitForLogAsync("Telegram: connected as");

        await _chats.PublishAsync(items: 3);
        await first.WaitUntilAsync(() => _telegram.Arrived("sendMessage") >= SentBeforeTheTrouble, "the fan-out to be under way");
        first.Kill();
        var killedAt = (await _database.QueryAsync<DateTime>("SELECT clock_timestamp()::timestamp")).Single();
        var gone = InstanceOf(first);

        await second.WaitUntilAsync(
            async () => (await _database.QueryAsync<string>($"SELECT owner FROM role_leases WHERE role IN ('planning', 'dispatching:telegram') AND owner <> '{gone}' AND expires_at > now()")).Count == 2,
            "a survivor to hold planning and dispatching:telegram");
        await second.WaitUntilAsync(() => Delivered(_telegram).Select(r => r.ChatId).Distinct().Count() >= Chats, "every chat to get the story");

        foreach (var role in new[] { "planning", "dispatching:telegram" })
        {
            var takenAt = (await _database.QueryAsync<DateTime>($"SELECT acquired_at::timestamp FROM role_leases WHERE role = '{role}'")).Single();
            output.WriteLine($"{role} taken over {(takenAt - killedAt).TotalSeconds:0.000} s after the kill");
            Assert.True(
                takenAt - killedAt <= TimeSpan.FromSeconds(LeaseSeconds) + AskingAllowance,
                $"{role} was taken over {(takenAt - killedAt).TotalSeconds:0.000} s after the kill; the lease is {LeaseSeconds} s");
        }

        CheckDeliveries(Delivered(_telegram));
    }

    [Fact]
    public async Task OwnerPausedPastItsLease_IsFencedOff_AndSendsNothingMoreWhenItWakes()
    {
        await _chats.SeedAsync("Kelderfeld Wire");

        // The paused instance talks to a Bot API of its own, so every send can be told apart; both are one platform with one ceiling.
        using var first = Start("first", _telegram);
        await first.WaitForLogAsync("now holds the role dispatching:telegram");
        using var second = Start("second", _otherTelegram);
        using var third = Start("third", _otherTelegram);
        await second.WaitForLogAsync("Telegram: connected as");
        await third.WaitForLogAsync("Telegram: connected as");

        await _chats.PublishAsync(items: 3);
        await first.WaitUntilAsync(() => _telegram.Arrived("sendMessage") >= SentBeforeTheTrouble, "the fan-out to be under way");
        await first.PauseAsync();
        try
        {
            await second.WaitUntilAsync(
                () => Delivered(_telegram).Concat(Delivered(_otherTelegram)).Select(r => r.ChatId).Distinct().Count() >= Chats,
                "every chat to get the story");
        }
        finally
        {
            await first.ResumeAsync();
        }

        var sentByTheOldOwner = _telegram.Arrived("sendMessage");
        await first.WaitForLogAsync("no longer holds the role dispatching:telegram");

        // Awake, the old owner found the role gone: it has sent nothing since, and the role stays with another.
        Assert.Equal(sentByTheOldOwner, _telegram.Arrived("sendMessage"));
        Assert.NotEqual(InstanceOf(first), (await _database.QueryAsync<string>("SELECT owner FROM role_leases WHERE role = 'dispatching:telegram'")).Single());
        CheckDeliveries(Delivered(_telegram).Concat(Delivered(_otherTelegram)).ToList());
    }

    [Fact]
    public async Task InstancesStartedTogether_OnAnEmptyDatabase_CreateTheSchemaOnce_AndShareTheRoles()
    {
        File.WriteAllText(FeedPath, "<rss version=\"2.0\"><channel><title>Kelderfeld Wire</title></channel></rss>");
        var instances = new[] { "first", "second", "third" }.Select(name => Start(name, _telegram)).ToList();
        try
        {
            foreach (var instance in instances)
            {
                await instance.WaitForLogAsync("Telegram: connected as");
            }

            // Connecting comes before asking for a role: the roles are awaited as rows, not assumed from the log.
            const string HeldRoles = "SELECT owner FROM role_leases WHERE role IN ('planning', 'dispatching:telegram', 'telegram-polling')";
            await Eventually.WaitUntilAsync(
                async () => (await _database.QueryAsync<string>(HeldRoles)).Count == 3
                    && (await _database.QueryAsync<string>("SELECT name FROM sources")).Count > 0,
                "the three roles to be taken and the configured source to be stored",
                TimeSpan.FromSeconds(30),
                giveUpWhen: () => instances.FirstOrDefault(i => i.HasExited) is { } stopped ? "an instance stopped: " + stopped.ErrorsSoFar : null);

            Assert.Equal(
                Enumerable.Range(1, NewsBot.Storage.Postgres.PostgresMigrations.Latest),
                await _database.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version"));
            var sources = await _database.QueryAsync<string>("SELECT name FROM sources");
            Assert.Single(sources, "Kelderfeld Wire");
            Assert.Equal(sources.Count, sources.Distinct().Count());

            // Each role went to one of them, and none of them stopped or failed on the way.
            var holders = await _database.QueryAsync<string>(HeldRoles);
            Assert.Equal(3, holders.Count);
            Assert.Subset(instances.Select(InstanceOf).ToHashSet(), holders.ToHashSet());
            Assert.All(instances, i => Assert.False(i.HasExited, "an instance stopped: " + i.ErrorsSoFar));
            Assert.All(instances, i => Assert.DoesNotContain("fail:", i.ErrorsSoFar, StringComparison.Ordinal));
        }
        finally
        {
            foreach (var instance in instances)
            {
                instance.Dispose();
            }
        }
    }

    /// <summary>The id an instance gave itself in its first log line.</summary>
    private static string InstanceOf(NewsBotProcess process) =>
        System.Text.RegularExpressions.Regex.Match(process.ErrorsSoFar, @"Instance (\S+) starting").Groups[1].Value;

    /// <summary>Every chat once, repeats only for sends that were on their way, never more than the ceiling in any second.</summary>
    private void CheckDeliveries(List<TelegramRequest> delivered)
    {
        Assert.Equal(Chats, delivered.Select(r => r.ChatId).Distinct().Count());
        Assert.All(delivered, push => Assert.True(_chats.IsTheStory(push), "a push that is not the story: " + push.Text));
        Assert.InRange(delivered.Count - Chats, 0, InFlight);
        var (busiest, from) = _ceiling.BusiestSecond();
        output.WriteLine($"{delivered.Count} pushes to {Chats} chats; the busiest second took {busiest} against a ceiling of {PlatformCeiling}");
        Assert.True(_ceiling.Refused == 0, $"{_ceiling.Refused} sends went over the ceiling of {PlatformCeiling} a second; the busiest second, from {from:HH:mm:ss.fff}, took {busiest}");
    }

    private static List<TelegramRequest> Delivered(FakeTelegramServer telegram) => telegram.Calls("sendMessage").Where(r => r.Succeeded).ToList();

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
            ["Delivery__Telegram__MessagesPerSecond"] = Pace.ToString(CultureInfo.InvariantCulture),
            ["Delivery__MaxConcurrentSends"] = InFlight.ToString(CultureInfo.InvariantCulture),
        });
    }
}
