namespace NewsBot.Tests.Delivery;

/// <summary>The planner's position and its memory of queued stories survive a restart, and nothing stored is left unplanned.</summary>
public sealed class PlannerRecoveryTests : WireBotTest
{
    [Fact]
    public async Task ArticlesStoredButNeverPlanned_AreQueuedByTheCatchUpAtStart()
    {
        await Bot.SubscribeAsync("/subscribe technology");

        // As if the bot stopped after storing the articles and before planning them.
        var stored = (await Bot.Get<IArticleStore>().AddNewAsync([Draft("Robot one"), Draft("Robot two")], CancellationToken.None)).Added;
        Assert.Equal(0, await Outbox.CountPendingAsync(CancellationToken.None));

        var queued = await RestartedPlanner().CatchUpAsync(CancellationToken.None);

        Assert.Equal(1, queued);
        Assert.Equal(stored.Select(a => a.Id), (await Outbox.FindAsync("telegram:1", stored[0].Id, CancellationToken.None))!.ArticleIds);
        Assert.Equal(stored[^1].Id, await Outbox.PlannedThroughAsync(CancellationToken.None));
        Assert.Equal(0, await RestartedPlanner().CatchUpAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ArticlesMissedBeforeABatch_ArePlannedWithIt()
    {
        await Bot.SubscribeAsync("/subscribe technology");

        var missed = (await Bot.Get<IArticleStore>().AddNewAsync([Draft("Robot missed")], CancellationToken.None)).Added.Single();
        var later = (await Bot.IngestAsync(Wire, TestBot.Entry("Robot later"))).Single();

        var entry = await Outbox.FindAsync("telegram:1", missed.Id, CancellationToken.None);
        Assert.NotNull(entry);
        Assert.Equal([missed.Id, later.Id], entry.ArticleIds);
        Assert.Equal(later.Id, await Outbox.PlannedThroughAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PlannerPosition_MovesWithTheEntries_EvenWhenNothingMatched()
    {
        await Bot.SubscribeAsync("/subscribe science");

        var stored = await Bot.IngestAsync(Wire, TestBot.Entry("Robot news"));

        Assert.Equal(0, await Outbox.CountPendingAsync(CancellationToken.None));
        Assert.Equal(stored[0].Id, await Outbox.PlannedThroughAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SameStoryFromAnotherSource_AfterARestart_IsNotQueuedAgain()
    {
        await Bot.SubscribeAsync("/subscribe glacier");
        const string Summary = "The Aldermoor glacier lost a fifth of its ice since 2010, a radar survey by Kelderfeld glaciologists found.";
        var first = (await Bot.IngestAsync(Wire, TestBot.Entry("Aldermoor glacier lost a fifth of its ice, survey finds", Summary, hoursAgo: 3))).Single();

        // The later report is stored while the bot is "down"; the restarted planner knows the story from the outbox.
        var articles = Bot.Get<IArticleStore>();
        var draft = Draft("Aldermoor glacier shrinks by a fifth since 2010", Summary);
        await articles.AddNewAsync([draft with { Article = draft.Article with { StoryId = first.Id } }], CancellationToken.None);

        Assert.Equal(0, await RestartedPlanner().CatchUpAsync(CancellationToken.None));
        Assert.Equal(1, await Outbox.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ABatchHalfWrittenWhenTheBotStopped_IsCompletedAtRestart_EachStoryOncePerChat()
    {
        string[] chats = ["telegram:1", "telegram:2", "telegram:3"];
        foreach (var chat in chats)
        {
            await Bot.SubscribeAsync("/subscribe technology", user: chat, chat: chat);
        }

        var position = await Outbox.PlannedThroughAsync(CancellationToken.None);
        var articles = Bot.Get<IArticleStore>();
        var batch = (await articles.AddNewAsync([Draft("Robot one"), Draft("Robot two")], CancellationToken.None)).Added;

        // One chat per transaction; the second write fails as if the bot had stopped there.
        var stopping = RestartedPlanner(new StoppingOutbox(Outbox, failingWrite: 2), sliceChats: 1);
        await Assert.ThrowsAsync<IOException>(async () => await stopping.CatchUpAsync(CancellationToken.None));
        Assert.Equal(1, await Outbox.CountPendingAsync(CancellationToken.None));
        Assert.Equal(position, await Outbox.PlannedThroughAsync(CancellationToken.None));

        // Another article arrives before the restart; the chat already served gets only that one.
        var later = (await articles.AddNewAsync([Draft("Robot three")], CancellationToken.None)).Added.Single();
        Assert.Equal(3, await RestartedPlanner().CatchUpAsync(CancellationToken.None));

        Assert.Equal(later.Id, await Outbox.PlannedThroughAsync(CancellationToken.None));
        Assert.Equal(4, await Outbox.CountPendingAsync(CancellationToken.None));
        foreach (var chat in chats)
        {
            var found = new List<OutboxEntry?>();
            foreach (var article in new[] { batch[0], batch[1], later })
            {
                found.Add(await Outbox.FindAsync(chat, article.StoryLeadId, CancellationToken.None));
            }

            var entries = found
                .Select(e => Assert.IsType<OutboxEntry>(e))
                .DistinctBy(e => e.Id)
                .ToList();
            Assert.Equal([batch[0].Id, batch[1].Id, later.Id], entries.SelectMany(e => e.ArticleIds));
        }
    }

    private DeliveryPlanner RestartedPlanner(IOutboxStore? outbox = null, int sliceChats = 10_000) => new(
        Bot.Get<SubscriptionMatcher>(),
        outbox ?? Outbox,
        Bot.Get<IArticleStore>(),
        Bot.Get<ChatLifecycle>(),
        Bot.Get<RoleKeeper>(),
        Bot.Get<RoleContext>(),
        Bot.Time,
        NullLogger<DeliveryPlanner>.Instance)
    {
        SliceChats = sliceChats,
    };

    private ArticleDraft Draft(string title, string summary = "") => new(
        new Article(
            0,
            "https://news.example/" + Uri.EscapeDataString(title.ToLowerInvariant().Replace(' ', '-')),
            Wire.Id + ":" + title,
            title,
            summary,
            null,
            Wire.Id,
            Wire.Name,
            TestBot.Now.AddHours(-1),
            TestBot.Now,
            title.Contains("Robot", StringComparison.Ordinal) ? ["technology"] : [],
            null,
            true),
        Wire.Id + ":t:" + title);
}
