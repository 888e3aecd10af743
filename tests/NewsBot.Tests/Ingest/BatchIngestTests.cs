namespace NewsBot.Tests.Ingest;

/// <summary>Several sources' copies stored as one batch: what one source stores counts for the next, as it does one source at a time.</summary>
public sealed class BatchIngestTests : BotTest
{
    private static readonly IngestOptions Options = new(FirstFetch: false, NewItemMaxAge: TimeSpan.FromDays(2));

    private ArticleIngestor Ingestor => Bot.Get<ArticleIngestor>();

    private PreparedCopy Copy(FeedSource source, params FeedEntry[] entries) => Ingestor.Prepare(source, entries, Options, known: null);

    [Fact]
    public async Task OneBatch_TwoSourcesReportingOneStory_TheSecondJoinsTheFirstsStory_AndIsStoredSo()
    {
        var first = Copy(Bot.Source("Harbour Daily"), TestBot.Entry("Robot cranes take over the northern harbour terminal", "Robot cranes now unload ships at the northern harbour terminal."));
        var second = Copy(Bot.Source("Coast Wire"), TestBot.Entry("Northern harbour terminal hands ships to robot cranes", "Ships at the northern harbour terminal are unloaded by robot cranes."));

        var stored = await Ingestor.StoreAsync([first, second], CancellationToken.None);

        var lead = Assert.Single(stored[0].Result.Added);
        var member = Assert.Single(stored[1].Result.Added);
        Assert.Equal(lead.Id, member.StoryId);
        Assert.Equal(lead.Id, (await Bot.Get<IArticleStore>().GetAsync(member.Id, CancellationToken.None))!.StoryId);
        Assert.Equal(2, Bot.Get<ArticleIndex>().Count);
    }

    [Fact]
    public async Task OneBatch_TheSameLinkInTwoSources_IsStoredOnce_AndNotedAsCarriedByTheSecondOncePublished()
    {
        var link = "https://port.example/cranes";
        var first = Copy(Bot.Source("One"), TestBot.Entry("Port automates", link: link));
        var second = Copy(Bot.Source("Two"), TestBot.Entry("Port to automate", link: link), TestBot.Entry("Something else"));

        var stored = await Ingestor.StoreAsync([first, second], CancellationToken.None);
        var published = new List<IngestResult>();
        foreach (var copy in stored)
        {
            published.Add(await Ingestor.PublishAsync(copy, CancellationToken.None));
        }

        var article = Assert.Single(published[0].Added);
        Assert.Equal(["Something else"], published[1].Added.Select(a => a.Title));
        Assert.Equal(["Two"], (await Bot.Get<IArticleStore>().GetAsync(article.Id, CancellationToken.None))!.AlsoIn);
        Assert.Equal(2, await Bot.Get<IArticleStore>().CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task OneItemWithALinkLongerThanAStoreIndexes_IsStoredWithoutItsLink_AndTheRestOfTheFeedToo()
    {
        var longLink = "https://x.example/a?" + new string('q', 1_500);

        var added = await Bot.IngestAsync(Bot.Source(), TestBot.Entry("Long", id: "long", link: longLink), TestBot.Entry("Short", id: "short", link: "https://x.example/b"));

        Assert.Equal(2, added.Count);
        Assert.StartsWith("urn:newsbot:item:", added.Single(a => a.Title == "Long").Url, StringComparison.Ordinal);
        Assert.Equal("https://x.example/b", added.Single(a => a.Title == "Short").Url);
        Assert.Empty(await Bot.IngestAsync(Bot.Source(), TestBot.Entry("Long", id: "long", link: longLink)));
    }

    [Fact]
    public async Task ASourceTheIndexDoesNotKnow_ButTheStoreHasArticlesOf_IsStoredAgainWithEveryKeyLookedUp_AndNothingTwice()
    {
        var source = Bot.Source("Wire");
        var entry = TestBot.Entry("Port automates its cranes", id: "cranes", link: "https://port.example/cranes");
        var copy = Copy(source, entry);

        // Stored past the index, as another instance on the same database would have.
        var elsewhere = Assert.Single((await Bot.Get<IArticleStore>().AddNewAsync([copy.Drafts[0] with { Article = copy.Drafts[0].Article with { Url = "https://port.example/cranes?from=elsewhere" } }], CancellationToken.None)).Added);
        Assert.False(Bot.Get<ArticleIndex>().HasArticlesOf(source.Id));

        var stored = await Ingestor.StoreAsync([Copy(source, entry)], CancellationToken.None);

        Assert.Empty(stored[0].Result.Added);
        Assert.Equal(1, await Bot.Get<IArticleStore>().CountAsync(CancellationToken.None));
        Assert.Equal("https://port.example/cranes?from=elsewhere", (await Bot.Get<IArticleStore>().GetAsync(elsewhere.Id, CancellationToken.None))!.Url);
        Assert.Equal(0, Bot.Get<ArticleIndex>().Count);
    }

    [Fact]
    public void HasArticlesOf_FollowsWhatIsIndexedAndRemoved()
    {
        using var index = new ArticleIndex();
        Article Of(int id) => new(id, $"https://x.example/{id}", $"3:{id}", $"Story {id}", "", null, 3, "Wire", TestBot.Now, TestBot.Now, [], null, true);
        index.AddRange([Of(1), Of(2)]);

        index.Remove([1]);
        Assert.True(index.HasArticlesOf(3));
        index.Remove([2]);

        Assert.False(index.HasArticlesOf(3));
        Assert.False(index.HasArticlesOf(4));
    }

    [Fact]
    public void LinkFits_CountsUtf8Bytes()
    {
        Assert.True(ArticleDraft.LinkFits("https://x.example/" + new string('a', ArticleDraft.MaxLinkBytes - 18)));
        Assert.False(ArticleDraft.LinkFits("https://x.example/" + new string('a', ArticleDraft.MaxLinkBytes - 17)));
        Assert.False(ArticleDraft.LinkFits("https://x.example/" + new string('é', 500)));
    }
}
