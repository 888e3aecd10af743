using Npgsql;
using NewsBot.Storage.Copy;

namespace NewsBot.Tests.Storage.Copy;

/// <summary>
/// A LiteDB database filled through the real stores and the bot's own commands, copied into an
/// empty PostgreSQL database; then the same bot on PostgreSQL must answer exactly as the LiteDB
/// one does, send what was still waiting, and number what comes next after what was copied.
/// </summary>
public sealed class LiteDbToPostgresTests : IAsyncLifetime, IDisposable
{
    private const string Admin = "telegram:99";
    private const string Reader = "telegram:1";
    private const string Other = "telegram:2";
    private const string Group = "telegram:-1001";

    private readonly ScriptedSender _liteTelegram = new();
    private readonly ScriptedSender _postgresTelegram = new();
    private TemporaryPostgresDatabase _database = null!;
    private TestBot _lite = null!;
    private TestBot _postgres = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        _lite = new TestBot(Configure, s => s.AddSingleton<IChatSender>(_liteTelegram));
        _postgres = new TestBot(
            Configure,
            s => s.AddSingleton<IChatSender>(_postgresTelegram),
            new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Postgres",
                ["Storage:Postgres:ConnectionString"] = _database.ConnectionString,
            });
    }

    public async Task DisposeAsync()
    {
        Dispose();
        await _database.DisposeAsync();
    }

    public void Dispose()
    {
        _lite?.Dispose();
        _postgres?.Dispose();
    }

    [Fact]
    public async Task Copy_OfAPopulatedBot_AnswersTheSameOnPostgres_AndNumbersContinue()
    {
        var pruned = await FillAsync(_lite, _liteTelegram);
        var progress = new List<(int Read, string Table)>();

        var report = await LiteDbToPostgres.CopyAsync(
            _lite.Get<NewsBotDatabase>(), new NpgsqlConnectionStringBuilder(_database.ConnectionString), (n, t) => progress.Add((n, t)), CancellationToken.None, batchSize: 3);

        Assert.True(report.Verified);
        Assert.All(report.Tables.Where(t => t.Table != "state"), t => Assert.Equal(t.InLiteDb, t.Copied));
        foreach (var table in new[] { "sources", "articles", "chats", "users", "subscriptions", "digest_cursors", "bookmarks", "announcements", "outbox", "state" })
        {
            Assert.True(report.Tables.Single(t => t.Table == table).Copied > 0, $"the test's database should have something in {table}");
        }

        Assert.Equal(pruned, report.LastArticleId);
        Assert.Contains(progress, p => p.Table == "articles" && p.Read == 3);
        Assert.Equal(report.Tables.Sum(t => t.InLiteDb), progress.Sum(p => p.Read));

        await StartOnPostgresAsync();
        foreach (var (text, chat, user) in Commands())
        {
            Assert.Equal(await _lite.SendAsync(text, Kind(chat), user: user, chat: chat), await _postgres.SendAsync(text, Kind(chat), user: user, chat: chat));
        }

        // What was waiting in the outbox goes out from PostgreSQL, once; what was sent is not sent again.
        await _lite.DispatchAsync(_liteTelegram);
        await _postgres.DispatchAsync(_postgresTelegram);
        Assert.NotEmpty(_postgresTelegram.Attempts);
        Assert.Equal(Sent(_liteTelegram, skip: _sentBeforeCopy), Sent(_postgresTelegram, skip: 0));

        // New rows continue after the copied ones, as they do on LiteDB.
        var fresh = TestBot.Entry("Robot arm learns to fold laundry", hoursAgo: 0);
        var onLite = Assert.Single(await _lite.IngestAsync(Wire(_lite), fresh));
        var onPostgres = Assert.Single(await _postgres.IngestAsync(Wire(_postgres), fresh));
        Assert.Equal(pruned + 1, onPostgres.Id);
        Assert.Equal(onLite.Id, onPostgres.Id);
        foreach (var (text, chat, user) in new[] { ("/subscribe sports", Reader, Reader), ("/announce Second notice", Admin, Admin), ("/bookmark " + onLite.Id, Other, Other) })
        {
            Assert.Equal(await _lite.SubscribeAsync(text, user: user, chat: chat), await _postgres.SubscribeAsync(text, user: user, chat: chat));
        }

        Assert.Equal(await _lite.SendAsync("/bookmarks", user: Other, chat: Other), await _postgres.SendAsync("/bookmarks", user: Other, chat: Other));
    }

    [Fact]
    public async Task EveryColumnOfTheCopiedTables_IsFilled_SaveTheClaimsThatStartEmpty()
    {
        using var database = new NewsBot.Storage.Postgres.PostgresDatabase(_database.ConnectionString);
        await database.EnsureSchemaAsync(CancellationToken.None);
        string[] leftToTheirDefault = ["sources.claimed_by", "sources.claimed_until"];

        foreach (var table in CopiedTables.All)
        {
            var inTable = await _database.QueryAsync<string>($"SELECT column_name::text FROM information_schema.columns WHERE table_name = '{table.Name}' ORDER BY column_name");
            var copied = table.Columns.Split(", ");
            Assert.Equal(inTable.Where(c => !leftToTheirDefault.Contains(table.Name + "." + c)).Order(StringComparer.Ordinal), copied.Order(StringComparer.Ordinal));
        }
    }

    private int _sentBeforeCopy;

    /// <summary>A bot's life on LiteDB: sources, news, chats, people, subscriptions, bookmarks, a digest, an announcement, sent and waiting pushes, a pruned article.</summary>
    /// <returns>The highest article number handed out, which belonged to the pruned article.</returns>
    private async Task<int> FillAsync(TestBot bot, ScriptedSender telegram)
    {
        var wire = bot.Source("Wire", "technology");
        var lab = bot.Source("Lab Notes", "science");
        foreach (var chat in new[] { Reader, Other, Admin })
        {
            await bot.SendAsync("/start", user: chat, chat: chat);
        }

        await bot.SendAsync("/start", ChatKind.Group, user: Reader, chat: Group);
        await bot.SubscribeAsync("/subscribe technology", user: Reader, chat: Reader);
        await bot.SubscribeAsync("/subscribe \"robot chef\"", user: Reader, chat: Reader);
        await bot.SendAsync("/timezone Europe/Berlin", user: Reader, chat: Reader);
        await bot.SubscribeAsync("/subscribe science daily 07:30", user: Other, chat: Other);
        await bot.SendAsync("/quiet 22:00-06:00", user: Other, chat: Other);
        await bot.SendAsync("/language de", user: Other, chat: Other);
        await bot.SubscribeAsync("/subscribe technology", ChatKind.Group, user: Reader, chat: Group);
        await bot.SendAsync("/unsubscribe announcements", ChatKind.Group, user: Reader, chat: Group);

        await bot.IngestAsync(wire, TestBot.Entry("Robot chef opens a kitchen", "A robot cooks.", hoursAgo: 3), TestBot.Entry("Chip plant opens", "A chip plant.", hoursAgo: 2));
        await bot.IngestAsync(lab, TestBot.Entry("Telescope maps faint galaxies", "Research with a telescope.", hoursAgo: 5), TestBot.Entry("Chip plant opens", "The same story.", hoursAgo: 2, link: "https://lab.example/chip"));
        await bot.DispatchAsync(telegram);
        _sentBeforeCopy = telegram.Attempts.Count;

        // Waiting when the copy is made: a story, a digest, an announcement.
        await bot.IngestAsync(wire, TestBot.Entry("Software update for robot vacuums", "Software.", hoursAgo: 1));
        bot.Time.Advance(TimeSpan.FromHours(20)); // the next morning, past the 07:30 digest
        Assert.Equal(1, await bot.Get<DigestScheduler>().RunDueAsync(CancellationToken.None));
        await bot.SendAsync("/announce Maintenance tonight", user: Admin, chat: Admin);
        await bot.SendAsync("/announce send 1", user: Admin, chat: Admin);
        await bot.Get<AnnouncementFanOut>().QueueConfirmedAsync(CancellationToken.None);

        await bot.SendAsync("/bookmark 2", user: Reader, chat: Reader);
        await bot.SendAsync("/bookmark 3", user: Other, chat: Other);
        await bot.Get<NewsBot.Core.State.IStateStore>().SetAsync("telegram.offset", "424242", CancellationToken.None);

        // The newest number goes to an article old enough to be pruned: numbers must not be reused after it.
        var old = Assert.Single(await bot.IngestAsync(wire, TestBot.Entry("Robot museum closes", "Robots.", hoursAgo: 24 * 60)));
        Assert.Equal(1, await bot.Get<ArticlePruner>().PruneAsync(CancellationToken.None));
        return old.Id;
    }

    /// <summary>What the host's start-up services would do: the index, the matcher, the chats and the planner, read from the store.</summary>
    private async Task StartOnPostgresAsync()
    {
        _postgres.Time.SetUtcNow(_lite.Time.GetUtcNow());
        var articles = await _postgres.Get<IArticleStore>().ReadAllAsync(CancellationToken.None).ToListAsync();
        _postgres.Get<ArticleIngestor>().LoadIndex(articles);
        await _postgres.Get<SubscriptionService>().RebuildAsync(CancellationToken.None);
        await _postgres.Get<ChatLifecycle>().RebuildAsync(CancellationToken.None);
        await _postgres.Get<DeliveryPlanner>().RebuildAsync(CancellationToken.None);
    }

    private static IEnumerable<(string Text, string Chat, string User)> Commands()
    {
        foreach (var text in new[] { "/latest", "/latest 2", "/topics", "/topic technology", "/search robot", "/read 2", "/read 5", "/sources", "/subscriptions", "/timezone", "/bookmarks", "/why 1", "/why 5", "/quiet" })
        {
            yield return (text, Reader, Reader);
            yield return (text, Other, Other);
        }

        yield return ("/subscriptions", Group, Reader);
        yield return ("/announcements", Admin, Admin);
        yield return ("/feeds list", Admin, Admin);
    }

    // Many commands in a row from one person: the rate limit is not what is compared here.
    private static void Configure(NewsBotOptions options)
    {
        options.Admins.Add(Admin);
        options.CommandsPerMinute = 0;
    }

    private static ChatKind Kind(string chat) => chat == Group ? ChatKind.Group : ChatKind.Private;

    private static FeedSource Wire(TestBot bot) => bot.Source("Wire", "technology");

    private static List<string> Sent(ScriptedSender sender, int skip) =>
        sender.Attempts.Skip(skip).Select(a => a.Chat.Key + " " + Flat.Text(NewsBot.Platforms.Terminal.TerminalRenderer.Render(a.Reply, TestBot.Now))).Order(StringComparer.Ordinal).ToList();
}
