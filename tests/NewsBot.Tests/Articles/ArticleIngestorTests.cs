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
        var added = _bot.Ingest(_bot.Source(), TestBot.Entry("A", id: "same"), TestBot.Entry("A again", id: "same"));

        Assert.Single(added);
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
