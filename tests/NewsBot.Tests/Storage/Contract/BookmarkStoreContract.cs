using NewsBot.Core.Bookmarks;

namespace NewsBot.Tests.Storage.Contract;

public abstract class BookmarkStoreContract : StoreContract
{
    private protected BookmarkStoreContract(StoreFactory factory)
        : base(factory)
    {
    }

    private static Bookmark Saved(string user, int article, int minutesAgo = 0) =>
        new(user, article, Now.AddMinutes(-minutesAgo), $"Title {article}", $"https://x.example/{article}", "Wire");

    [Fact]
    public async Task Bookmarks_KeepTheirSnapshot_AndArePerPersonAndArticleOnce()
    {
        var store = Stores.Bookmarks;
        Assert.True(await store.AddAsync(new Bookmark("telegram:1", 5, Now, "Saved title", "https://x.example/5", "Wire"), None));

        var bookmark = Assert.Single(await store.ListAsync("telegram:1", 0, 10, None));

        Assert.Equal("Saved title", bookmark.Title);
        Assert.Equal("https://x.example/5", bookmark.Url);
        Assert.Equal("Wire", bookmark.SourceName);
        Assert.Equal(Now, bookmark.SavedAt);
        Assert.False(await store.AddAsync(bookmark, None));
        Assert.False(await store.AddAsync(bookmark with { Title = "Other", SavedAt = Now.AddHours(1) }, None));
        Assert.True(await store.AddAsync(bookmark with { UserKey = "telegram:2" }, None));
        Assert.Equal(1, await store.CountAsync("telegram:1", None));
        Assert.Equal(1, await store.CountAsync("telegram:2", None));
        Assert.Equal(0, await store.CountAsync("telegram:3", None));
        Assert.Equal("Saved title", Assert.Single(await store.ListAsync("telegram:1", 0, 10, None)).Title);
    }

    [Fact]
    public async Task List_IsNewestSavedFirst_AndPages()
    {
        var store = Stores.Bookmarks;
        await store.AddAsync(Saved("telegram:1", 1, minutesAgo: 30), None);
        await store.AddAsync(Saved("telegram:1", 2, minutesAgo: 10), None);
        await store.AddAsync(Saved("telegram:1", 3, minutesAgo: 20), None);
        await store.AddAsync(Saved("telegram:1", 4, minutesAgo: 10), None);
        await store.AddAsync(Saved("telegram:9", 5), None);

        Assert.Equal([4, 2, 3, 1], (await store.ListAsync("telegram:1", 0, 10, None)).Select(b => b.ArticleId));
        Assert.Equal([2, 3], (await store.ListAsync("telegram:1", 1, 2, None)).Select(b => b.ArticleId));
        Assert.Empty(await store.ListAsync("telegram:1", 4, 2, None));
    }

    [Fact]
    public async Task Remove_TakesOnlyThatBookmark_AndSaysWhetherThereWasOne()
    {
        var store = Stores.Bookmarks;
        await store.AddAsync(Saved("telegram:1", 1), None);
        await store.AddAsync(Saved("telegram:1", 2), None);
        await store.AddAsync(Saved("telegram:2", 1), None);

        Assert.True(await store.RemoveAsync("telegram:1", 1, None));
        Assert.False(await store.RemoveAsync("telegram:1", 1, None));

        Assert.False(await store.ContainsAsync("telegram:1", 1, None));
        Assert.True(await store.ContainsAsync("telegram:1", 2, None));
        Assert.True(await store.ContainsAsync("telegram:2", 1, None));
        Assert.True(await store.AddAsync(Saved("telegram:1", 1), None));
    }

    [Fact]
    public async Task Bookmarks_SurviveAReopen()
    {
        await Stores.Bookmarks.AddAsync(new Bookmark("telegram:1", 1, Now, "T", "https://x.example", "W"), None);

        await Stores.ReopenAsync();

        Assert.Equal(1, await Stores.Bookmarks.CountAsync("telegram:1", None));
    }
}

public sealed class LiteDbBookmarkStoreTests() : BookmarkStoreContract(new LiteDbStores());

public sealed class PostgresBookmarkStoreTests(PostgresDatabaseFixture database) : BookmarkStoreContract(database.Stores), IClassFixture<PostgresDatabaseFixture>;
