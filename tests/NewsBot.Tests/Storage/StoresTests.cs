using NewsBot.Core.Articles;
using NewsBot.Core.Bookmarks;
using NewsBot.Core.Chats;
using NewsBot.Storage;
using NewsBot.Tests.Fakes;

namespace NewsBot.Tests.Storage;

public sealed class StoresTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Articles_RoundTrip_KeepsUtcMillisecondsAndFields()
    {
        var published = new DateTimeOffset(2026, 11, 27, 8, 5, 0, 123, TimeSpan.FromHours(2)).AddTicks(4567);
        var draft = new ArticleDraft("https://x.example/a", "1:abc", "Title", "Summary", "Ada", 1, "Wire",
            published, TestBot.Now, ["technology", "science"], "https://img.example/a.jpg", false, "1:t");

        var stored = Assert.Single((await _bot.Get<IArticleStore>().AddNewAsync([draft], CancellationToken.None)).Added);
        var read = (await _bot.Get<IArticleStore>().GetAsync(stored.Id, CancellationToken.None))!;

        Assert.Equal(TimeSpan.Zero, read.PublishedAt.Offset);
        Assert.Equal(published.UtcTicks - (published.UtcTicks % TimeSpan.TicksPerMillisecond), read.PublishedAt.UtcTicks);
        Assert.Equal(["technology", "science"], read.Topics);
        Assert.Equal("https://img.example/a.jpg", read.ImageUrl);
        Assert.Equal("Ada", read.Author);
    }

    [Fact]
    public async Task Articles_WithAnEmptySummary_ReadBackAnEmptyStringNotNull()
    {
        var draft = new ArticleDraft("https://x.example/e", "1:e", "Title", "", null, 1, "Wire", TestBot.Now, TestBot.Now, [], null, true, "1:e");

        var stored = Assert.Single((await _bot.Get<IArticleStore>().AddNewAsync([draft], CancellationToken.None)).Added);

        Assert.Equal("", (await _bot.Get<IArticleStore>().GetAsync(stored.Id, CancellationToken.None))!.Summary);
    }

    [Fact]
    public async Task Articles_SameUrlOrSameItemKey_AreNotStoredTwice()
    {
        var store = _bot.Get<IArticleStore>();
        ArticleDraft Draft(string url, string key, string titleKey = "1:t", int source = 1) =>
            new(url, key, "T", "", null, source, "W", TestBot.Now, TestBot.Now, [], null, true, titleKey);

        Assert.Single((await store.AddNewAsync([Draft("https://x.example/a", "1:a")], CancellationToken.None)).Added);
        Assert.Empty((await store.AddNewAsync([Draft("https://x.example/b", "1:a", "1:other")], CancellationToken.None)).Added);
        var sameLink = await store.AddNewAsync([Draft("https://x.example/a", "1:b", "1:other")], CancellationToken.None);
        var sameTitle = await store.AddNewAsync([Draft("https://x.example/c", "1:c")], CancellationToken.None);
        var otherSourceSameLink = await store.AddNewAsync([Draft("https://x.example/a", "2:a", "2:t", source: 2)], CancellationToken.None);

        Assert.Empty(sameLink.Added);
        Assert.Equal(1, sameLink.RecognisedByLinkOrTitle);
        Assert.Empty(sameTitle.Added);
        Assert.Equal(1, sameTitle.RecognisedByLinkOrTitle);
        Assert.Empty(otherSourceSameLink.Added);
        Assert.Equal(0, otherSourceSameLink.RecognisedByLinkOrTitle);
        Assert.Equal(1, await store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Articles_GetMany_KeepsTheOrderAndSkipsUnknownIds()
    {
        var store = _bot.Get<IArticleStore>();
        var added = (await store.AddNewAsync(Enumerable.Range(1, 3)
            .Select(i => new ArticleDraft($"https://x.example/{i}", $"1:{i}", $"T{i}", "", null, 1, "W", TestBot.Now, TestBot.Now, [], null, true, $"1:t{i}"))
            .ToList(), CancellationToken.None)).Added;

        var read = await store.GetManyAsync([added[2].Id, 999, added[0].Id], CancellationToken.None);

        Assert.Equal(["T3", "T1"], read.Select(a => a.Title));
    }

    [Fact]
    public async Task Bookmarks_KeepTheirSnapshot()
    {
        var store = _bot.Get<IBookmarkStore>();
        await store.AddAsync(new Bookmark("telegram:1", 5, TestBot.Now, "Saved title", "https://x.example/5", "Wire"), CancellationToken.None);

        var bookmark = Assert.Single(await store.ListAsync("telegram:1", 0, 10, CancellationToken.None));

        Assert.Equal("Saved title", bookmark.Title);
        Assert.Equal("https://x.example/5", bookmark.Url);
        Assert.False(await store.AddAsync(bookmark, CancellationToken.None));
        Assert.Equal(1, await store.CountAsync("telegram:1", CancellationToken.None));
        Assert.Equal(0, await store.CountAsync("telegram:2", CancellationToken.None));
    }

    [Fact]
    public async Task Chats_TouchCreatesThenRefreshes_AndKeepsTheTimeZone()
    {
        var store = _bot.Get<ChatLifecycle>();
        var chat = ChatAddress.Parse("telegram:-100");

        await store.ReactivateAsync(chat, ChatKind.Group, "Readers", CancellationToken.None);
        await store.SetTimeZoneAsync(chat, "Asia/Tokyo", CancellationToken.None);
        _bot.Time.Advance(TimeSpan.FromHours(1));
        var again = await store.ReactivateAsync(chat, ChatKind.Group, null, CancellationToken.None);

        Assert.Equal("Readers", again.Title);
        Assert.Equal("Asia/Tokyo", again.TimeZone);
        Assert.Equal(TestBot.Now, again.FirstSeen);
        Assert.Equal(TestBot.Now.AddHours(1), again.LastSeen);
        Assert.Equal(1, store.CountActive());
    }

    [Fact]
    public async Task Sources_EnsureIsIdempotentByUrl_AndRecordsHealth()
    {
        var store = _bot.Get<ISourceStore>();
        var first = await store.EnsureAsync("Wire", "https://wire.example/feed", ["technology"], fromConfiguration: true, CancellationToken.None);
        var renamed = await store.EnsureAsync("Wire Renamed", "https://wire.example/feed", ["science"], fromConfiguration: true, CancellationToken.None);

        await store.SaveAsync(renamed with
        {
            Enabled = false,
            LastError = "HTTP 500",
            ConsecutiveFailures = 10,
            ETag = "\"v1\"",
            LastModified = TestBot.Now,
            MovedTo = "https://new.example/feed",
            CurrentItemKeys = ["1:a", "1:b"],
        }, CancellationToken.None);
        var saved = (await store.GetAsync(first.Id, CancellationToken.None))!;
        var revived = await store.EnsureAsync("Wire Renamed", "https://wire.example/feed", ["science"], fromConfiguration: false, CancellationToken.None);

        Assert.Equal(first.Id, renamed.Id);
        Assert.Equal("Wire Renamed", renamed.Name);
        Assert.Single((await store.AllAsync(CancellationToken.None)));
        Assert.False(saved.Enabled);
        Assert.Equal("\"v1\"", saved.ETag);
        Assert.Equal(TestBot.Now, saved.LastModified);
        Assert.Equal("https://new.example/feed", saved.FetchUrl);
        Assert.Equal(["1:a", "1:b"], saved.CurrentItemKeys);
        Assert.True(revived.Enabled);
        Assert.Equal(0, revived.ConsecutiveFailures);
        Assert.Null(revived.NextPollAt);
        Assert.Equal(first.Id, (await store.FindByUrlAsync("https://wire.example/feed", CancellationToken.None))!.Id);
        Assert.True(await store.RemoveAsync(first.Id, CancellationToken.None));
        Assert.Empty((await store.AllAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task Data_SurvivesAReopen()
    {
        using var folder = new TempDirectory();
        using (var database = NewsBotDatabase.Open(folder.Path))
        {
            await new LiteDbBookmarkStore(database).AddAsync(new Bookmark("telegram:1", 1, TestBot.Now, "T", "https://x.example", "W"), CancellationToken.None);
        }

        using var reopened = NewsBotDatabase.Open(folder.Path);
        Assert.Equal(1, await new LiteDbBookmarkStore(reopened).CountAsync("telegram:1", CancellationToken.None));
    }
}
