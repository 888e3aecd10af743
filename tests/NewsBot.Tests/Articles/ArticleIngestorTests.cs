using NewsBot.Core.Articles;
using NewsBot.Core.Search;
using NewsBot.Tests.Fakes;

namespace NewsBot.Tests.Articles;

public sealed class ArticleIngestorTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public void Ingest_SameFeedTwice_StoresItOnce()
    {
        var source = _bot.Source();
        var entries = new[] { TestBot.Entry("A", id: "a"), TestBot.Entry("B", id: "b") };

        Assert.Equal(2, _bot.Ingest(source, entries).Count);
        Assert.Empty(_bot.Ingest(source, entries));
        Assert.Equal(2, _bot.Get<IArticleStore>().Count());
        Assert.Equal(2, _bot.Get<ArticleIndex>().Count);
    }

    [Fact]
    public void Ingest_SameLinkFromTwoSources_StoresItOnce()
    {
        var first = _bot.Ingest(_bot.Source("One"), TestBot.Entry("Port automates", link: "https://port.example/story"));
        var second = _bot.Ingest(_bot.Source("Two"), TestBot.Entry("Port to automate", link: "https://port.example/story"));

        Assert.Single(first);
        Assert.Empty(second);
    }

    [Fact]
    public void Ingest_DuplicateItemsInOneFeed_StoresOne()
    {
        var added = _bot.Ingest(
            _bot.Source(),
            TestBot.Entry("A", id: "same", link: "https://x.example/a"),
            TestBot.Entry("A again", id: "same", link: "https://x.example/a"));

        Assert.Single(added);
    }

    [Fact]
    public void Ingest_GuidsNotUnique_FallsBackToLinks()
    {
        var added = _bot.Ingest(
            _bot.Source(),
            TestBot.Entry("First story", id: "1", link: "https://x.example/first"),
            TestBot.Entry("Second story", id: "1", link: "https://x.example/second"));

        Assert.Equal(2, added.Count);
    }

    [Fact]
    public void Ingest_ChangedGuidsEditedTitlesAndReordering_AddNothing()
    {
        var source = _bot.Source();
        var first = new[]
        {
            TestBot.Entry("Alpha", id: "a1", link: "https://x.example/alpha"),
            TestBot.Entry("Beta", id: "b1", link: "https://x.example/beta"),
        };
        _bot.Ingest(source, first);

        var reranked = new[] { first[1], first[0] };
        var newGuids = new[] { first[0] with { Id = "a2" }, first[1] with { Id = "b2" } };
        var editedTitle = new[] { first[0] with { Title = "Alpha (updated)" } };
        var ingestor = _bot.Get<ArticleIngestor>();
        var options = new IngestOptions(false, TimeSpan.FromDays(2));

        Assert.Empty(ingestor.Ingest(source, reranked, options).Added);
        var guidResult = ingestor.Ingest(source, newGuids, options);
        Assert.Empty(guidResult.Added);
        Assert.Equal(2, guidResult.RecognisedByLinkOrTitle);
        Assert.Empty(ingestor.Ingest(source, editedTitle, options).Added);
        Assert.Equal(2, _bot.Get<IArticleStore>().Count());
    }

    [Fact]
    public void Ingest_FirstFetchAndOldItems_AreStoredButNotNew()
    {
        var source = _bot.Source();
        var ingestor = _bot.Get<ArticleIngestor>();

        var first = ingestor.Ingest(source, [TestBot.Entry("Backlog", hoursAgo: 1)], new IngestOptions(true, TimeSpan.FromDays(2)));
        var later = ingestor.Ingest(source, [TestBot.Entry("Fresh", hoursAgo: 1), TestBot.Entry("Old", hoursAgo: 24 * 5)], new IngestOptions(false, TimeSpan.FromDays(2)));

        Assert.False(Assert.Single(first.Added).IsNew);
        Assert.True(later.Added.Single(a => a.Title == "Fresh").IsNew);
        Assert.False(later.Added.Single(a => a.Title == "Old").IsNew);
        Assert.False(_bot.Get<IArticleStore>().Get(first.Added[0].Id)!.IsNew);
    }

    [Fact]
    public void Ingest_NoDate_UsesFirstSeen_AndFutureDateIsNotBelieved()
    {
        var undated = TestBot.Entry("Undated") with { Published = null };
        var future = TestBot.Entry("Future") with { Published = TestBot.Now.AddDays(3) };

        var added = _bot.Ingest(_bot.Source(), undated, future);

        Assert.All(added, a => Assert.Equal(TestBot.Now, a.PublishedAt));
    }

    [Fact]
    public void Ingest_NoLink_StillStoredUnderAStableKey()
    {
        var entry = TestBot.Entry("Linkless") with { Link = null };

        var added = Assert.Single(_bot.Ingest(_bot.Source(), entry));

        Assert.StartsWith("urn:newsbot:item:", added.Url, StringComparison.Ordinal);
        Assert.Empty(_bot.Ingest(_bot.Source(), entry));
    }

    [Fact]
    public void Ingest_TagsTopicsAndIndexesForSearch()
    {
        var added = Assert.Single(_bot.Ingest(_bot.Source(), TestBot.Entry("Robot kitchen opens")));

        Assert.Contains("technology", added.Topics);
        Assert.Equal([added.Id], _bot.Get<ArticleIndex>().Search(SearchQuery.Parse("robots"), 0, 5, TestBot.Now).Ids);
    }
}
