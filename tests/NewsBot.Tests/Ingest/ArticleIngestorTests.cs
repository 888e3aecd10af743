namespace NewsBot.Tests.Ingest;

public sealed class ArticleIngestorTests : BotTest
{
    [Fact]
    public async Task Ingest_SameFeedTwice_StoresItOnce()
    {
        var source = Bot.Source();
        var entries = new[] { TestBot.Entry("A", id: "a"), TestBot.Entry("B", id: "b") };

        Assert.Equal(2, (await Bot.IngestAsync(source, entries)).Count);
        Assert.Empty(await Bot.IngestAsync(source, entries));
        Assert.Equal(2, await Bot.Get<IArticleStore>().CountAsync(CancellationToken.None));
        Assert.Equal(2, Bot.Get<ArticleIndex>().Count);
    }

    [Fact]
    public async Task Ingest_SameLinkFromTwoSources_StoresItOnce()
    {
        var first = await Bot.IngestAsync(Bot.Source("One"), TestBot.Entry("Port automates", link: "https://port.example/story"));
        var second = await Bot.IngestAsync(Bot.Source("Two"), TestBot.Entry("Port to automate", link: "https://port.example/story"));

        Assert.Single(first);
        Assert.Empty(second);
    }

    [Fact]
    public async Task Ingest_DuplicateItemsInOneFeed_StoresOne()
    {
        var added = await Bot.IngestAsync(Bot.Source(), TestBot.Entry("A", id: "same", link: "https://x.example/a"), TestBot.Entry("A again", id: "same", link: "https://x.example/a"));

        Assert.Single(added);
    }

    [Fact]
    public async Task Ingest_GuidsNotUnique_FallsBackToLinks()
    {
        var added = await Bot.IngestAsync(Bot.Source(), TestBot.Entry("First story", id: "1", link: "https://x.example/first"), TestBot.Entry("Second story", id: "1", link: "https://x.example/second"));

        Assert.Equal(2, added.Count);
    }

    [Fact]
    public async Task Ingest_ChangedGuidsEditedTitlesAndReordering_AddNothing()
    {
        var source = Bot.Source();
        var first = new[]
        {
            TestBot.Entry("Alpha", id: "a1", link: "https://x.example/alpha"),
            TestBot.Entry("Beta", id: "b1", link: "https://x.example/beta"),
        };
        await Bot.IngestAsync(source, first);

        var reranked = new[] { first[1], first[0] };
        var newGuids = new[] { first[0] with { Id = "a2" }, first[1] with { Id = "b2" } };
        var editedTitle = new[] { first[0] with { Title = "Alpha (updated)" } };
        var ingestor = Bot.Get<ArticleIngestor>();
        var options = new IngestOptions(false, TimeSpan.FromDays(2));

        Assert.Empty((await ingestor.IngestAsync(source, reranked, options, CancellationToken.None)).Added);
        var guidResult = await ingestor.IngestAsync(source, newGuids, options, CancellationToken.None);
        Assert.Empty(guidResult.Added);
        Assert.Equal(2, guidResult.RecognisedByLinkOrTitle);
        Assert.Empty((await ingestor.IngestAsync(source, editedTitle, options, CancellationToken.None)).Added);
        Assert.Equal(2, await Bot.Get<IArticleStore>().CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Ingest_FirstFetchAndOldItems_AreStoredButNotNew()
    {
        var source = Bot.Source();
        var ingestor = Bot.Get<ArticleIngestor>();

        var first = await ingestor.IngestAsync(source, [TestBot.Entry("Backlog", hoursAgo: 1)], new IngestOptions(true, TimeSpan.FromDays(2)), CancellationToken.None);
        var later = await ingestor.IngestAsync(source, [TestBot.Entry("Fresh", hoursAgo: 1), TestBot.Entry("Old", hoursAgo: 24 * 5)], new IngestOptions(false, TimeSpan.FromDays(2)), CancellationToken.None);

        Assert.False(Assert.Single(first.Added).IsNew);
        Assert.True(later.Added.Single(a => a.Title == "Fresh").IsNew);
        Assert.False(later.Added.Single(a => a.Title == "Old").IsNew);
        Assert.False((await Bot.Get<IArticleStore>().GetAsync(first.Added[0].Id, CancellationToken.None))!.IsNew);
    }

    [Fact]
    public async Task Ingest_NoDate_UsesFirstSeen_AndFutureDateIsNotBelieved()
    {
        var undated = TestBot.Entry("Undated") with { Published = null };
        var future = TestBot.Entry("Future") with { Published = TestBot.Now.AddDays(3) };

        var added = await Bot.IngestAsync(Bot.Source(), undated, future);

        Assert.All(added, a => Assert.Equal(TestBot.Now, a.PublishedAt));
    }

    [Fact]
    public async Task Ingest_NoLink_StillStoredUnderAStableKey()
    {
        var entry = TestBot.Entry("Linkless") with { Link = null };

        var added = Assert.Single(await Bot.IngestAsync(Bot.Source(), entry));

        Assert.StartsWith("urn:newsbot:item:", added.Url, StringComparison.Ordinal);
        Assert.Empty(await Bot.IngestAsync(Bot.Source(), entry));
    }

    [Fact]
    public async Task Ingest_TagsTopicsAndIndexesForSearch()
    {
        var added = Assert.Single(await Bot.IngestAsync(Bot.Source(), TestBot.Entry("Robot kitchen opens")));

        Assert.Contains("technology", added.Topics);
        Assert.Equal([added.Id], Bot.Get<ArticleIndex>().Search(SearchQuery.Parse("robots"), 0, 5, TestBot.Now).Ids);
    }
}
