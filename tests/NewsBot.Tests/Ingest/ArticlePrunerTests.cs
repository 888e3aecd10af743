namespace NewsBot.Tests.Ingest;

public sealed class ArticlePrunerTests() : BotTest(o => o.Retention = TimeSpan.FromDays(30))
{
    [Fact]
    public async Task Prune_OldArticles_LeaveStoreAndIndex_BookmarksKeepTheirCopy()
    {
        var source = Bot.Source();
        var added = await Bot.IngestAsync(source, TestBot.Entry("Ancient robot", hoursAgo: 24 * 40), TestBot.Entry("Recent robot", hoursAgo: 2));
        var ancient = added.Single(a => a.Title == "Ancient robot");
        await Bot.SendAsync($"/bookmark {ancient.Id}");

        var removed = await Bot.Get<ArticlePruner>().PruneAsync(CancellationToken.None);

        Assert.Equal(1, removed);
        Assert.Null(await Bot.Get<IArticleStore>().GetAsync(ancient.Id, CancellationToken.None));
        Assert.DoesNotContain(ancient.Id, Bot.Get<ArticleIndex>().Latest(0, 10).Ids);
        Assert.Single(Bot.Get<ArticleIndex>().Search(SearchQuery.Parse("robot"), 0, 10, TestBot.Now).Ids);
        Assert.Contains("Ancient robot", await Bot.SendAsync("/bookmarks"), StringComparison.Ordinal);
        Assert.Contains($"There is no article #{ancient.Id}", await Bot.SendAsync($"/read {ancient.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prune_ArticleStillListedByItsFeed_IsKept()
    {
        var source = Bot.Source();
        var ancient = Assert.Single(await Bot.IngestAsync(source, TestBot.Entry("Evergreen guide", hoursAgo: 24 * 90)));
        await Bot.Get<ISourceStore>().SaveAsync(source with { CurrentItemKeys = [ancient.ItemKey] }, CancellationToken.None);

        Assert.Equal(0, await Bot.Get<ArticlePruner>().PruneAsync(CancellationToken.None));
        Assert.NotNull(await Bot.Get<IArticleStore>().GetAsync(ancient.Id, CancellationToken.None));
    }
}
