namespace NewsBot.Tests.Storage.Contract;

public abstract class ArticleStoreContract : StoreContract
{
    private protected ArticleStoreContract(StoreFactory factory)
        : base(factory)
    {
    }

    private static ArticleDraft InStory(ArticleDraft draft, Article lead) => draft with { Article = draft.Article with { StoryId = lead.Id } };

    private static ArticleDraft Draft(int n, DateTimeOffset? published = null, int source = 1, string? url = null, string? itemKey = null, string? titleKey = null) =>
        new(new Article(0, url ?? $"https://x.example/{n}", itemKey ?? $"{source}:{n}", $"Story {n}", "", null, source, $"Wire {source}",
            published ?? Now, Now, [], null, true), titleKey ?? $"{source}:t{n}");

    [Fact]
    public async Task RoundTrip_KeepsUtcMillisecondsAndFields()
    {
        var published = new DateTimeOffset(2026, 11, 27, 8, 5, 0, 123, TimeSpan.FromHours(2)).AddTicks(4567);
        var draft = new ArticleDraft(new Article(0, "https://x.example/a", "1:abc", "Title", "Summary", "Ada", 1, "Wire",
            published, Now, ["technology", "science"], "https://img.example/a.jpg", false), "1:t");

        var stored = Assert.Single((await Stores.Articles.AddNewAsync([draft], None)).Added);
        var read = (await Stores.Articles.GetAsync(stored.Id, None))!;

        Assert.Equal(TimeSpan.Zero, read.PublishedAt.Offset);
        Assert.Equal(published.UtcTicks - (published.UtcTicks % TimeSpan.TicksPerMillisecond), read.PublishedAt.UtcTicks);
        Assert.Equal(stored.PublishedAt, read.PublishedAt);
        Assert.Equal(Now, read.IngestedAt);
        Assert.Equal(["technology", "science"], read.Topics);
        Assert.Equal("https://img.example/a.jpg", read.ImageUrl);
        Assert.Equal("Ada", read.Author);
        Assert.Equal(("Title", "Summary", "Wire", 1, false), (read.Title, read.Summary, read.SourceName, read.SourceId, read.IsNew));
        Assert.Equal(0, read.StoryId);
        Assert.Empty(read.AlsoIn);
    }

    [Fact]
    public async Task EmptySummary_ReadsBackAnEmptyStringNotNull()
    {
        var draft = new ArticleDraft(new Article(0, "https://x.example/e", "1:e", "Title", "", null, 1, "Wire", Now, Now, [], null, true), "1:e");

        var stored = Assert.Single((await Stores.Articles.AddNewAsync([draft], None)).Added);

        Assert.Equal("", (await Stores.Articles.GetAsync(stored.Id, None))!.Summary);
        Assert.Null((await Stores.Articles.GetAsync(stored.Id, None))!.Author);
    }

    [Fact]
    public async Task SameUrlOrSameItemKey_AreNotStoredTwice()
    {
        var store = Stores.Articles;
        ArticleDraft Draft(string url, string key, string titleKey = "1:t", int source = 1) =>
            new(new Article(0, url, key, "T", "", null, source, $"W{source}", Now, Now, [], null, true), titleKey);

        var first = Assert.Single((await store.AddNewAsync([Draft("https://x.example/a", "1:a")], None)).Added);
        Assert.Empty((await store.AddNewAsync([Draft("https://x.example/b", "1:a", "1:other")], None)).Added);
        var sameLink = await store.AddNewAsync([Draft("https://x.example/a", "1:b", "1:other")], None);
        var sameTitle = await store.AddNewAsync([Draft("https://x.example/c", "1:c")], None);
        var otherSourceSameLink = await store.AddNewAsync([Draft("https://x.example/a", "2:a", "2:t", source: 2)], None);

        Assert.Empty(sameLink.Added);
        Assert.Equal(1, sameLink.RecognisedByLinkOrTitle);
        Assert.Empty(sameTitle.Added);
        Assert.Equal(1, sameTitle.RecognisedByLinkOrTitle);
        Assert.Empty(otherSourceSameLink.Added);
        Assert.Equal(0, otherSourceSameLink.RecognisedByLinkOrTitle);
        Assert.Equal([first.Id], otherSourceSameLink.SameLinkElsewhere!);
        Assert.Equal(1, await store.CountAsync(None));
    }

    [Fact]
    public async Task SameLinkElsewhere_IsReportedUntilNoted_ThenNotAgain()
    {
        var store = Stores.Articles;
        var first = Assert.Single((await store.AddNewAsync([Draft(1)], None)).Added);

        await store.AddAlsoInAsync(first.Id, "Wire 2", None);
        await store.AddAlsoInAsync(first.Id, "Wire 2", None);
        var again = await store.AddNewAsync([Draft(2, source: 2, url: first.Url)], None);
        var third = await store.AddNewAsync([Draft(3, source: 3, url: first.Url)], None);

        Assert.Empty(again.SameLinkElsewhere ?? []);
        Assert.Equal([first.Id], third.SameLinkElsewhere!);
        Assert.Equal(["Wire 2"], (await store.GetAsync(first.Id, None))!.AlsoIn);
    }

    [Fact]
    public async Task OneBatch_GetsConsecutiveNumbersInItsOrder_AndRepeatsWithinItAreCaughtToo()
    {
        var result = await Stores.Articles.AddNewAsync(
        [
            Draft(1),
            Draft(2),
            Draft(1, titleKey: "1:other"),
            Draft(3, url: "https://x.example/2"),
            Draft(4, source: 2, url: "https://x.example/1"),
            Draft(5),
        ], None);

        Assert.Equal([1, 2, 3], result.Added.Select(a => a.Id));
        Assert.Equal(["Story 1", "Story 2", "Story 5"], result.Added.Select(a => a.Title));
        Assert.Equal(1, result.RecognisedByLinkOrTitle);
        Assert.Equal([1], result.SameLinkElsewhere!);
        Assert.Equal(3, await Stores.Articles.CountAsync(None));
    }

    [Fact]
    public async Task GetMany_KeepsTheOrderAndSkipsUnknownIds()
    {
        var added = (await Stores.Articles.AddNewAsync(Enumerable.Range(1, 3).Select(i => Draft(i)).ToList(), None)).Added;

        var read = await Stores.Articles.GetManyAsync([added[2].Id, 999, added[0].Id], None);

        Assert.Equal(["Story 3", "Story 1"], read.Select(a => a.Title));
        Assert.Empty(await Stores.Articles.GetManyAsync([], None));
        Assert.Null(await Stores.Articles.GetAsync(999, None));
    }

    [Fact]
    public async Task ArticleNumbers_AfterTheNewestIsPrunedAndTheDatabaseReopens_AreNotHandedOutAgain()
    {
        await Stores.Articles.AddNewAsync([Draft(1), Draft(2)], None);

        // Found late, published long ago: the newest number goes first when retention runs.
        var pruned = Assert.Single((await Stores.Articles.AddNewAsync([Draft(3, Now.AddDays(-90))], None)).Added).Id;
        Assert.Equal([pruned], await Stores.Articles.DeleteOlderThanAsync(Now.AddDays(-30), new HashSet<string>(), None));
        await Stores.ReopenAsync();
        var next = Assert.Single((await Stores.Articles.AddNewAsync([Draft(4)], None)).Added);

        Assert.Equal(pruned + 1, next.Id);
    }

    [Fact]
    public async Task DeleteOlderThan_SparesTheNewAndTheKept_AndReturnsTheDeleted()
    {
        await Stores.Articles.AddNewAsync([Draft(1, Now.AddDays(-40)), Draft(2, Now.AddDays(-50)), Draft(3, Now.AddDays(-45)), Draft(4, Now)], None);

        var deleted = await Stores.Articles.DeleteOlderThanAsync(Now.AddDays(-30), new HashSet<string> { "1:3" }, None);

        Assert.Equal([2, 1], deleted);
        Assert.Equal([3, 4], await Stores.Articles.ReadAllAsync(None).Select(a => a.Id).ToListAsync());
        Assert.Empty(await Stores.Articles.DeleteOlderThanAsync(Now.AddDays(-30), new HashSet<string> { "1:3" }, None));
    }

    [Fact]
    public async Task Stories_MembersAreListedOldestFirst_AndOnlyForTheirLead()
    {
        var lead = (await Stores.Articles.AddNewAsync([Draft(1, Now.AddHours(-5))], None)).Added[0];
        var added = (await Stores.Articles.AddNewAsync([InStory(Draft(2, Now.AddHours(-1)), lead), InStory(Draft(3, Now.AddHours(-3)), lead), Draft(4)], None)).Added.Prepend(lead).ToList();

        Assert.Equal([3, 2], (await Stores.Articles.StoryMembersAsync(added[0].Id, None)).Select(a => a.Id));
        Assert.Empty(await Stores.Articles.StoryMembersAsync(added[3].Id, None));
        Assert.Equal(added[0].Id, (await Stores.Articles.GetAsync(added[2].Id, None))!.StoryLeadId);
    }

    [Fact]
    public async Task ReadAll_IsOldestIdFirst_AndSurvivesAReopen()
    {
        await Stores.Articles.AddNewAsync([Draft(1), Draft(2)], None);
        await Stores.Articles.AddNewAsync([Draft(3)], None);

        await Stores.ReopenAsync();

        Assert.Equal(["Story 1", "Story 2", "Story 3"], await Stores.Articles.ReadAllAsync(None).Select(a => a.Title).ToListAsync());
        Assert.Equal(3, await Stores.Articles.CountAsync(None));
    }
}

public sealed class LiteDbArticleStoreTests() : ArticleStoreContract(new LiteDbStores());

public sealed class PostgresArticleStoreTests(PostgresDatabaseFixture database) : ArticleStoreContract(database.Stores), IClassFixture<PostgresDatabaseFixture>;
