namespace NewsBot.Tests.Ingest;

public sealed class ArticlePrunerTests : IDisposable
{
    private readonly TestBot _bot = new(o => o.Retention = TimeSpan.FromDays(30));

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Prune_OldArticles_LeaveStoreAndIndex_BookmarksKeepTheirCopy()
    {
        var source = _bot.Source();
        var added = await _bot.IngestAsync(source, TestBot.Entry("Ancient robot", hoursAgo: 24 * 40), TestBot.Entry("Recent robot", hoursAgo: 2));
        var ancient = added.Single(a => a.Title == "Ancient robot");
        await _bot.SendAsync($"/bookmark {ancient.Id}");

        var removed = await _bot.Get<ArticlePruner>().PruneAsync(CancellationToken.None);

        Assert.Equal(1, removed);
        Assert.Null(await _bot.Get<IArticleStore>().GetAsync(ancient.Id, CancellationToken.None));
        Assert.DoesNotContain(ancient.Id, _bot.Get<ArticleIndex>().Latest(0, 10).Ids);
        Assert.Single(_bot.Get<ArticleIndex>().Search(SearchQuery.Parse("robot"), 0, 10, TestBot.Now).Ids);
        Assert.Contains("Ancient robot", await _bot.SendAsync("/bookmarks"), StringComparison.Ordinal);
        Assert.Contains($"There is no article #{ancient.Id}", await _bot.SendAsync($"/read {ancient.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prune_ArticleStillListedByItsFeed_IsKept()
    {
        var source = _bot.Source();
        var ancient = Assert.Single(await _bot.IngestAsync(source, TestBot.Entry("Evergreen guide", hoursAgo: 24 * 90)));
        await _bot.Get<ISourceStore>().SaveAsync(source with { CurrentItemKeys = [ancient.ItemKey] }, CancellationToken.None);

        Assert.Equal(0, await _bot.Get<ArticlePruner>().PruneAsync(CancellationToken.None));
        Assert.NotNull(await _bot.Get<IArticleStore>().GetAsync(ancient.Id, CancellationToken.None));
    }
}
