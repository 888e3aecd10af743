using NewsBot.Core.Articles;
using NewsBot.Core.Search;
using NewsBot.Tests.Fakes;

namespace NewsBot.Tests.Articles;

public sealed class ArticlePrunerTests : IDisposable
{
    private readonly TestBot _bot = new(o => o.Retention = TimeSpan.FromDays(30));

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Prune_OldArticles_LeaveStoreAndIndex_BookmarksKeepTheirCopy()
    {
        var source = _bot.Source();
        var added = _bot.Ingest(source, TestBot.Entry("Ancient robot", hoursAgo: 24 * 40), TestBot.Entry("Recent robot", hoursAgo: 2));
        var ancient = added.Single(a => a.Title == "Ancient robot");
        await _bot.SendAsync($"/bookmark {ancient.Id}");

        var removed = _bot.Get<ArticlePruner>().Prune();

        Assert.Equal(1, removed);
        Assert.Null(_bot.Get<IArticleStore>().Get(ancient.Id));
        Assert.False(_bot.Get<ArticleIndex>().Contains(ancient.Id));
        Assert.Single(_bot.Get<ArticleIndex>().Search(SearchQuery.Parse("robot"), 0, 10, TestBot.Now).Ids);
        Assert.Contains("Ancient robot", await _bot.SendAsync("/bookmarks"), StringComparison.Ordinal);
        Assert.Contains($"There is no article #{ancient.Id}", await _bot.SendAsync($"/read {ancient.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public void Prune_ArticleStillListedByItsFeed_IsKept()
    {
        var source = _bot.Source();
        var ancient = Assert.Single(_bot.Ingest(source, TestBot.Entry("Evergreen guide", hoursAgo: 24 * 90)));
        _bot.Get<ISourceStore>().Save(source with { CurrentItemKeys = [ancient.ItemKey] });

        Assert.Equal(0, _bot.Get<ArticlePruner>().Prune());
        Assert.NotNull(_bot.Get<IArticleStore>().Get(ancient.Id));
    }
}
