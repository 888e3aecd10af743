using NewsBot.Storage.Postgres;
using Npgsql;

namespace NewsBot.Tests.Roles;

/// <summary>
/// Two instances of the real executable on a PostgreSQL server of their own, which is restarted
/// while they run: they reconnect, lose nothing (a story published after the restart reaches
/// every chat once), and say that they lost the database's changes once, and once that they
/// follow them again.
/// </summary>
public sealed class PostgresRestartProcessTests : IAsyncLifetime, IDisposable
{
    private const int Chats = 50;

    private readonly TempDirectory _workingDirectory = new();
    private FakeTelegramServer _telegram = null!;
    private string _serverFolder = "";
    private string _connectionString = "";

    private string FeedPath => Path.Combine(_workingDirectory.Path, "wire.xml");

    public async Task InitializeAsync()
    {
        _telegram = await FakeTelegramServer.StartAsync();
        var (exitCode, said) = await ExternalTool.RunAsync(Script, "start");
        Assert.True(exitCode == 0, "Could not start a PostgreSQL server of this test's own with .ci/postgres start: " + said);
        _serverFolder = Value(said, "NEWSBOT_TEST_POSTGRES_DIR");
        _connectionString = Value(said, "NEWSBOT_TEST_POSTGRES");
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        if (_serverFolder.Length > 0)
        {
            await ExternalTool.RunAsync(Script, "stop", _serverFolder);
        }
    }

    public void Dispose() => _workingDirectory.Dispose();

    [Fact]
    public async Task PostgresRestarted_InstancesReconnect_LoseNothing_AndSaySoOnce()
    {
        await SeedAsync();
        using var first = Start("first");
        await first.WaitForLogAsync("now holds the role dispatching:telegram");
        using var second = Start("second");
        await second.WaitForLogAsync("Telegram: connected as");

        var (exitCode, said) = await ExternalTool.RunAsync(Script, "restart", _serverFolder);
        Assert.True(exitCode == 0, "The restart failed: " + said);
        await first.WaitForLogAsync("Following the database's changes again");
        await second.WaitForLogAsync("Following the database's changes again");

        File.WriteAllText(FeedPath, Feed(DateTimeOffset.UtcNow, items: 2));
        await using (var connection = new NpgsqlConnection(_connectionString))
        {
            await connection.OpenAsync();
            await using var due = new NpgsqlCommand("UPDATE sources SET next_poll_at = now() - interval '1 second'", connection);
            await due.ExecuteNonQueryAsync();
        }

        await first.WaitUntilAsync(() => Delivered().Select(r => r.ChatId).Distinct().Count() >= Chats, "every chat to get the story published after the restart");
        Assert.Equal(Chats, Delivered().Count);
        foreach (var instance in new[] { first, second })
        {
            Assert.Equal(1, Occurrences(instance.ErrorsSoFar, "Cannot follow the database's changes"));
            Assert.Equal(1, Occurrences(instance.ErrorsSoFar, "Following the database's changes again"));
        }
    }

    private static string Script => Path.Combine(RepositoryRoot(), ".ci", "postgres");

    private static int Occurrences(string text, string what) => text.Split(what).Length - 1;

    private static string Value(string exports, string name) =>
        System.Text.RegularExpressions.Regex.Match(exports, $"export {name}='([^']*)'").Groups[1].Value;

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NewsBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("NewsBot.sln not found above " + AppContext.BaseDirectory);
    }

    private List<TelegramRequest> Delivered() => _telegram.Calls("sendMessage").Where(r => r.Succeeded).ToList();

    private async Task SeedAsync()
    {
        var now = DateTimeOffset.UtcNow;
        File.WriteAllText(FeedPath, Feed(now, items: 0));
        await using var database = new PostgresDatabase(_connectionString);
        var sources = new PostgresSourceStore(database);
        var source = await sources.EnsureAsync("Wire", FeedPath, [], fromConfiguration: true, CancellationToken.None);
        await sources.SaveAsync(source with { LastSuccessAt = now.AddHours(-1), LastAttemptAt = now.AddHours(-1), NextPollAt = now.AddHours(1) }, CancellationToken.None);
        var chats = new PostgresChatStore(database);
        var subscriptions = new PostgresSubscriptionStore(database);
        for (var i = 1; i <= Chats; i++)
        {
            var chat = new ChatAddress(NewsBot.Core.Chats.PlatformNames.Telegram, (800_000 + i).ToString(CultureInfo.InvariantCulture));
            await chats.SaveAsync(new ChatRecord(chat.Key, chat.Platform, ChatKind.Private, null, null, true, null, now, now), CancellationToken.None);
            await subscriptions.AddAsync(new Subscription(0, chat.Key, SubscriptionKind.Keywords, "aldermoor", DeliveryMode.Instant, null, chat.Key, now), CancellationToken.None);
        }
    }

    private static string Feed(DateTimeOffset now, int items)
    {
        var entries = string.Concat(Enumerable.Range(1, items).Select(i => $"""
            <item>
              <title>Aldermoor ferry timetable changes, part {i}</title>
              <link>https://aldermoor.example/ferry-{i}</link>
              <guid>aldermoor-ferry-{i}</guid>
              <description>Part {i}: the Aldermoor ferry sails later in winter.</description>
              <pubDate>{now.AddMinutes(-5 * i).ToString("R", CultureInfo.InvariantCulture)}</pubDate>
            </item>
            """));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Wire</title><link>https://aldermoor.example/</link><description>News</description>
            {entries}
            </channel></rss>
            """;
    }

    private NewsBotProcess Start(string name)
    {
        var folder = Path.Combine(_workingDirectory.Path, name);
        Directory.CreateDirectory(folder);
        return NewsBotProcess.Start(folder, ["run"], new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__Postgres__ConnectionString"] = _connectionString,
            ["Scaling__LeaseSeconds"] = "3",
            ["Telegram__Token"] = FakeTelegramServer.Token,
            ["Telegram__ApiBaseUrl"] = _telegram.BaseUrl,
            ["Feeds__Sources__0__Name"] = "Wire",
            ["Feeds__Sources__0__Url"] = FeedPath,
            ["Delivery__Telegram__MessagesPerSecond"] = "1000",
            ["Delivery__Telegram__PerChatPerSecond"] = "1000",
        });
    }
}
