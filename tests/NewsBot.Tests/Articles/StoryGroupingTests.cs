namespace NewsBot.Tests.Articles;

public sealed class StoryGroupingTests() : BotTest(o => o.Retention = TimeSpan.FromDays(30)), IAsyncLifetime
{
    private const string GlacierSummary =
        "The Aldermoor Glacier lost a fifth of its ice since 2010, a radar survey by glaciologists at Kelderfeld University found; meltwater feeds the Aldermoor river.";

    public async Task InitializeAsync()
    {
        // Background articles so that word rarity means something.
        var filler = Bot.Source("Filler");
        await Bot.IngestAsync(filler, Enumerable.Range(1, 30)
            .Select(i => TestBot.Entry($"Council approves budget number {i} for the city", "The city council met and approved a budget after a long debate.", hoursAgo: 10 + i))
            .ToArray());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SameStoryFromTwoSources_IsOneStory_ShownOnceAndCrossReferenced()
    {
        var lab = (await Bot.IngestAsync(Bot.Source("Lab Notes"), TestBot.Entry("Aldermoor Glacier has lost a fifth of its ice since 2010, survey finds", GlacierSummary, hoursAgo: 6))).Single();
        var green = (await Bot.IngestAsync(Bot.Source("Greenline"), TestBot.Entry(
            "Aldermoor Glacier shrinking faster than models predicted",
            "Kelderfeld University glaciologists say the Aldermoor Glacier has shed a fifth of its ice since 2010, double the projected loss; the Aldermoor river depends on it.",
            hoursAgo: 3))).Single();

        Assert.Equal(lab.Id, green.StoryId);
        var latest = await Bot.SendAsync("/latest");
        Assert.Contains("Aldermoor Glacier has lost", latest, StringComparison.Ordinal);
        Assert.DoesNotContain("shrinking faster", latest, StringComparison.Ordinal);
        Assert.Equal(1, Bot.Get<ArticleIndex>().Search(SearchQuery.Parse("aldermoor glacier"), 0, 10, TestBot.Now).Total);
        Assert.Contains($"Also reported by: Greenline (#{green.Id})", await Bot.SendAsync($"/read {lab.Id}"), StringComparison.Ordinal);
        Assert.Contains($"Also reported by: Lab Notes (#{lab.Id})", await Bot.SendAsync($"/read {green.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameTopicButDifferentStories_StaySeparate()
    {
        await Bot.IngestAsync(Bot.Source("Lab Notes"), TestBot.Entry("Aldermoor Glacier has lost a fifth of its ice since 2010, survey finds", GlacierSummary, hoursAgo: 6));
        var other = (await Bot.IngestAsync(Bot.Source("Greenline"), TestBot.Entry(
            "Ski resorts near the glacier report record bookings",
            "Hotels in the valley below the glacier are full for the holidays as skiers return after two warm winters.",
            hoursAgo: 3))).Single();

        Assert.Equal(0, other.StoryId);
    }

    [Fact]
    public async Task SameStoryFromTheSameSource_OrOutsideTheWindow_StaysSeparate()
    {
        var lab = Bot.Source("Lab Notes");
        await Bot.IngestAsync(lab, TestBot.Entry("Aldermoor Glacier has lost a fifth of its ice since 2010, survey finds", GlacierSummary, hoursAgo: 100));
        var sameSource = (await Bot.IngestAsync(lab, TestBot.Entry("Aldermoor Glacier lost a fifth of its ice, survey finds", GlacierSummary, hoursAgo: 99))).Single();
        var tooLate = (await Bot.IngestAsync(Bot.Source("Greenline"), TestBot.Entry("Aldermoor Glacier lost a fifth of its ice since 2010", GlacierSummary, hoursAgo: 2))).Single();

        Assert.Equal(0, sameSource.StoryId);
        Assert.Equal(0, tooLate.StoryId);
    }

    [Fact]
    public async Task SyndicatedLink_IsStoredOnce_AndNamesTheOtherSource()
    {
        var first = (await Bot.IngestAsync(Bot.Source("Circuit"), TestBot.Entry("Port to automate its terminal", link: "https://port.example/story"))).Single();
        await Bot.IngestAsync(Bot.Source("Harbour"), TestBot.Entry("Port automation plan", link: "https://port.example/story"));

        Assert.Contains("Also reported by: Harbour", await Bot.SendAsync($"/read {first.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PruningTheLead_LetsTheNextReportLeadTheStory()
    {
        var lab = (await Bot.IngestAsync(Bot.Source("Lab Notes"), TestBot.Entry("Aldermoor Glacier has lost a fifth of its ice since 2010, survey finds", GlacierSummary, hoursAgo: 24 * 31))).Single();
        var green = (await Bot.IngestAsync(Bot.Source("Greenline"), TestBot.Entry("Aldermoor Glacier lost a fifth of its ice since 2010, says survey", GlacierSummary, hoursAgo: 24 * 29))).Single();
        Assert.Equal(lab.Id, green.StoryId);

        await Bot.Get<ArticlePruner>().PruneAsync(CancellationToken.None);

        Assert.Contains(green.Id, Bot.Get<ArticleIndex>().Latest(0, 100).Ids);
    }
}
