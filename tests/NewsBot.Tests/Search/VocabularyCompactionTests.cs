namespace NewsBot.Tests.Search;

public sealed class VocabularyCompactionTests() : BotTest(o => o.Retention = TimeSpan.FromDays(30))
{
    [Fact]
    public async Task Retention_ForgetsTheWordsOfPrunedArticles_AndSearchStillWorks()
    {
        var index = Bot.Get<ArticleIndex>();
        var source = Bot.Source();
        await Bot.IngestAsync(source, TestBot.Entry("Quokka zeppelin xylophone", "Wombat marmalade", hoursAgo: 24 * 40));
        await Bot.IngestAsync(source, TestBot.Entry("Robot kitchen opens", "A robot cooks lunch", hoursAgo: 2));
        var before = index.VocabularySize;

        Assert.Equal(1, await Bot.Get<ArticlePruner>().PruneAsync(CancellationToken.None));

        Assert.Equal(before - 5, index.VocabularySize);
        Assert.Empty(index.Search(SearchQuery.Parse("zeppelin"), 0, 10, TestBot.Now).Ids);
        Assert.Single(index.Search(SearchQuery.Parse("robot kitchen"), 0, 10, TestBot.Now).Ids);
        Assert.Single(index.Search(SearchQuery.Parse("\"robot kitchen\""), 0, 10, TestBot.Now).Ids);

        // A forgotten word comes back like any new one.
        var again = Assert.Single(await Bot.IngestAsync(source, TestBot.Entry("Zeppelin returns to the robot fair", hoursAgo: 1)));
        Assert.Equal([again.Id], index.Search(SearchQuery.Parse("zeppelin"), 0, 10, TestBot.Now).Ids);
        Assert.Equal(2, index.Search(SearchQuery.Parse("robot"), 0, 10, TestBot.Now).Ids.Count);
    }
}
