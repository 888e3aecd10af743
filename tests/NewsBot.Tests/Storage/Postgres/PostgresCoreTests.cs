namespace NewsBot.Tests.Storage.Postgres;

/// <summary>The core's own services over the PostgreSQL stores, composed as the host composes them (<c>Storage:Provider=Postgres</c>).</summary>
public sealed class PostgresCoreTests : IDisposable
{
    private readonly ScriptedSender _telegram = new();
    private readonly TemporaryPostgresDatabase _database;
    private readonly TestBot _bot;

    public PostgresCoreTests()
    {
        _database = PostgresServer.CreateDatabaseAsync().GetAwaiter().GetResult();
        _bot = new TestBot(
            services: s => s.AddSingleton<IChatSender>(_telegram),
            settings: new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Postgres",
                ["Storage:Postgres:ConnectionString"] = _database.ConnectionString,
            });
    }

    public void Dispose()
    {
        _bot.Dispose();
        _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Fact]
    public void Stores_AreThePostgresOnes_AndNoLiteDbFileIsMade()
    {
        Assert.IsType<NewsBot.Storage.Postgres.PostgresOutboxStore>(_bot.Get<IOutboxStore>());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_bot.DataDirectory));
    }

    [Fact]
    public async Task NewArticle_MatchingASubscription_IsSentOnce_AndNotAgainOnTheNextRound()
    {
        var wire = _bot.Source("Wire");
        await _bot.SubscribeAsync("/subscribe technology", chat: "telegram:1");
        await _bot.SubscribeAsync("/subscribe science", chat: "telegram:2", user: "telegram:2");

        await _bot.IngestAsync(wire, TestBot.Entry("Robot chef opens a kitchen"));
        await _bot.DispatchAsync(_telegram);
        await _bot.DispatchAsync(_telegram);
        await _bot.IngestAsync(wire, TestBot.Entry("Robot chef opens a kitchen"));
        await _bot.DispatchAsync(_telegram);

        var (chat, reply) = Assert.Single(_telegram.Attempts);
        Assert.Equal("telegram:1", chat.Key);
        Assert.Equal("Robot chef opens a kitchen", Assert.IsType<ArticleCardBlock>(reply.Blocks[0]).Article.Title);
        Assert.Equal(0, await _bot.Get<IOutboxStore>().CountPendingAsync(CancellationToken.None));
        Assert.Equal(1, await _bot.Get<IOutboxStore>().PlannedThroughAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Commands_ReadAndWriteThroughPostgres()
    {
        var wire = _bot.Source("Wire", "technology");
        await _bot.IngestAsync(wire, TestBot.Entry("Robot chef opens a kitchen"), TestBot.Entry("Chip plant opens"));

        var latest = await _bot.SendAsync("/latest");
        var saved = await _bot.SendAsync("/bookmark 2");
        var bookmarks = await _bot.SendAsync("/bookmarks");
        await _bot.SendAsync("/timezone Europe/Berlin");

        Assert.Contains("Robot chef opens a kitchen", latest, StringComparison.Ordinal);
        Assert.Contains("Saved: ", saved, StringComparison.Ordinal);
        Assert.Contains("Your bookmarks (1)", bookmarks, StringComparison.Ordinal);
        Assert.Equal("Europe/Berlin", (await _bot.Get<IChatStore>().FindAsync(ChatAddress.Parse("telegram:1"), CancellationToken.None))!.TimeZone);
        Assert.Equal(2, await _bot.Get<IArticleStore>().CountAsync(CancellationToken.None));
    }
}
