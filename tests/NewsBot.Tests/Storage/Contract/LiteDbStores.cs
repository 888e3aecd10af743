namespace NewsBot.Tests.Storage.Contract;

/// <summary>The LiteDB stores over a file in a temporary folder of their own.</summary>
internal sealed class LiteDbStores : StoreFactory
{
    public override Task<StoreSet> CreateAsync() => Task.FromResult<StoreSet>(new Set(new TempDirectory()));

    private sealed class Set : StoreSet
    {
        private readonly TempDirectory _folder;
        private NewsBotDatabase _database;

        public Set(TempDirectory folder)
        {
            _folder = folder;
            _database = NewsBotDatabase.Open(folder.Path);
            Build();
        }

        public override Task ReopenAsync()
        {
            _database.Dispose();
            _database = NewsBotDatabase.Open(_folder.Path);
            Build();
            return Task.CompletedTask;
        }

        public override Task<int> CountUsersAsync() => Task.FromResult(_database.Users.Count());

        public override ValueTask DisposeAsync()
        {
            _database.Dispose();
            _folder.Dispose();
            return ValueTask.CompletedTask;
        }

        private void Build()
        {
            Articles = new LiteDbArticleStore(_database);
            Sources = new LiteDbSourceStore(_database);
            ArticleTexts = new LiteDbArticleTextStore(_database);
            Bookmarks = new LiteDbBookmarkStore(_database);
            Subscriptions = new LiteDbSubscriptionStore(_database);
            Chats = new LiteDbChatStore(_database);
            Users = new LiteDbUserStore(_database);
            State = new LiteDbStateStore(_database);
            Outbox = new LiteDbOutboxStore(_database);
            Announcements = new LiteDbAnnouncementStore(_database);
            DigestCursors = new LiteDbDigestCursorStore(_database);
            History = new LiteDbArticleHistory(_database);
            DigestDeliveries = new LiteDbDigestDeliveries(_database);
            OutboxFigures = new LiteDbOutboxFigures(_database);
            SourceFigures = new LiteDbSourceFigures(_database);
        }
    }
}
