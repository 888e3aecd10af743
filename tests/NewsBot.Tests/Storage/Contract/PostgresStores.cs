using NewsBot.Storage.Postgres;

namespace NewsBot.Tests.Storage.Contract;

/// <summary>
/// The PostgreSQL stores over one database of a test class (<see cref="PostgresDatabaseFixture"/>).
/// Tests of a class run one after another, so each starts on emptied tables with every number
/// back at 1, as a new LiteDB file starts.
/// </summary>
internal sealed class PostgresStores(TemporaryPostgresDatabase database) : StoreFactory
{
    private const string Empty = """
        TRUNCATE article_texts, articles, sources, bookmarks, subscriptions, chats, users, state, outbox, announcements, digest_cursors RESTART IDENTITY;
        ALTER SEQUENCE article_ids RESTART;
        """;

    public override async Task<StoreSet> CreateAsync()
    {
        var set = new Set(database.ConnectionString);
        await set.Database.EnsureSchemaAsync(CancellationToken.None);
        await database.ExecuteAsync(Empty);
        return set;
    }

    private sealed class Set : StoreSet
    {
        private readonly string _connectionString;

        public Set(string connectionString)
        {
            _connectionString = connectionString;
            Database = new PostgresDatabase(connectionString);
            Build();
        }

        public PostgresDatabase Database { get; private set; }

        public override async Task ReopenAsync()
        {
            await Database.DisposeAsync();
            Database = new PostgresDatabase(_connectionString);
            Build();
        }

        public override async Task<int> CountUsersAsync() => (int)await Database.ScalarAsync<long>("SELECT count(*) FROM users", CancellationToken.None);

        public override ValueTask DisposeAsync() => Database.DisposeAsync();

        private void Build()
        {
            Articles = new PostgresArticleStore(Database);
            Sources = new PostgresSourceStore(Database);
            ArticleTexts = new PostgresArticleTextStore(Database);
            Bookmarks = new PostgresBookmarkStore(Database);
            Subscriptions = new PostgresSubscriptionStore(Database);
            Chats = new PostgresChatStore(Database);
            Users = new PostgresUserStore(Database);
            State = new PostgresStateStore(Database);
            Outbox = new PostgresOutboxStore(Database);
            Announcements = new PostgresAnnouncementStore(Database);
            DigestCursors = new PostgresDigestCursorStore(Database);
            History = new PostgresArticleHistory(Database);
            DigestDeliveries = new PostgresDigestDeliveries(Database);
            OutboxFigures = new PostgresOutboxFigures(Database);
            SourceFigures = new PostgresSourceFigures(Database);
        }
    }
}
