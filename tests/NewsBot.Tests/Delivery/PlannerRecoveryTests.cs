using Microsoft.Extensions.Logging.Abstractions;
using NewsBot.Core.Articles;
using NewsBot.Core.Chats;
using NewsBot.Core.Delivery;
using NewsBot.Core.Subscriptions;
using NewsBot.Tests.Fakes;

namespace NewsBot.Tests.Delivery;

/// <summary>The planner's position and its memory of queued stories survive a restart, and nothing stored is left unplanned.</summary>
public sealed class PlannerRecoveryTests : IDisposable
{
    private readonly TestBot _bot = new();
    private readonly FeedSource _wire;

    public PlannerRecoveryTests()
    {
        _wire = _bot.Source("Wire");
    }

    public void Dispose() => _bot.Dispose();

    private IOutboxStore Outbox => _bot.Get<IOutboxStore>();

    [Fact]
    public async Task ArticlesStoredButNeverPlanned_AreQueuedByTheCatchUpAtStart()
    {
        await _bot.SendAsync("/subscribe technology");

        // As if the bot stopped after storing the articles and before planning them.
        var stored = _bot.Get<IArticleStore>().AddNew([Draft("Robot one"), Draft("Robot two")]).Added;
        Assert.Equal(0, Outbox.CountPending());

        var queued = RestartedPlanner().CatchUp();

        Assert.Equal(1, queued);
        Assert.Equal(stored.Select(a => a.Id), Outbox.Find("telegram:1", stored[0].Id)!.ArticleIds);
        Assert.Equal(stored[^1].Id, Outbox.PlannedThrough());
        Assert.Equal(0, RestartedPlanner().CatchUp());
    }

    [Fact]
    public async Task ArticlesMissedBeforeABatch_ArePlannedWithIt()
    {
        await _bot.SendAsync("/subscribe technology");

        var missed = _bot.Get<IArticleStore>().AddNew([Draft("Robot missed")]).Added.Single();
        var later = _bot.Ingest(_wire, TestBot.Entry("Robot later")).Single();

        var entry = Outbox.Find("telegram:1", missed.Id);
        Assert.NotNull(entry);
        Assert.Equal([missed.Id, later.Id], entry.ArticleIds);
        Assert.Equal(later.Id, Outbox.PlannedThrough());
    }

    [Fact]
    public async Task PlannerPosition_MovesWithTheEntries_EvenWhenNothingMatched()
    {
        await _bot.SendAsync("/subscribe science");

        var stored = _bot.Ingest(_wire, TestBot.Entry("Robot news"));

        Assert.Equal(0, Outbox.CountPending());
        Assert.Equal(stored[0].Id, Outbox.PlannedThrough());
    }

    [Fact]
    public async Task SameStoryFromAnotherSource_AfterARestart_IsNotQueuedAgain()
    {
        await _bot.SendAsync("/subscribe glacier");
        const string Summary = "The Aldermoor glacier lost a fifth of its ice since 2010, a radar survey by Kelderfeld glaciologists found.";
        var first = _bot.Ingest(_wire, TestBot.Entry("Aldermoor glacier lost a fifth of its ice, survey finds", Summary, hoursAgo: 3)).Single();

        // The later report is stored while the bot is "down"; the restarted planner knows the story from the outbox.
        var articles = _bot.Get<IArticleStore>();
        var second = articles.AddNew([Draft("Aldermoor glacier shrinks by a fifth since 2010", Summary)]).Added.Single();
        articles.SetStory(second.Id, first.Id);

        Assert.Equal(0, RestartedPlanner().CatchUp());
        Assert.Equal(1, Outbox.CountPending());
    }

    [Fact]
    public async Task ABatchHalfWrittenWhenTheBotStopped_IsCompletedAtRestart_EachStoryOncePerChat()
    {
        string[] chats = ["telegram:1", "telegram:2", "telegram:3"];
        foreach (var chat in chats)
        {
            await _bot.SendAsync("/subscribe technology", user: chat, chat: chat);
        }

        var position = Outbox.PlannedThrough();
        var articles = _bot.Get<IArticleStore>();
        var batch = articles.AddNew([Draft("Robot one"), Draft("Robot two")]).Added;

        // One chat per transaction; the second write fails as if the bot had stopped there.
        var stopping = RestartedPlanner(new StoppingOutbox(Outbox, failingWrite: 2), sliceChats: 1);
        Assert.Throws<IOException>(() => stopping.CatchUp());
        Assert.Equal(1, Outbox.CountPending());
        Assert.Equal(position, Outbox.PlannedThrough());

        // Another article arrives before the restart; the chat already served gets only that one.
        var later = articles.AddNew([Draft("Robot three")]).Added.Single();
        Assert.Equal(3, RestartedPlanner().CatchUp());

        Assert.Equal(later.Id, Outbox.PlannedThrough());
        Assert.Equal(4, Outbox.CountPending());
        foreach (var chat in chats)
        {
            var entries = new[] { batch[0], batch[1], later }
                .Select(a => Outbox.Find(chat, a.StoryLeadId))
                .Select(e => Assert.IsType<OutboxEntry>(e))
                .DistinctBy(e => e.Id)
                .ToList();
            Assert.Equal([batch[0].Id, batch[1].Id, later.Id], entries.SelectMany(e => e.ArticleIds));
        }
    }

    private DeliveryPlanner RestartedPlanner(IOutboxStore? outbox = null, int sliceChats = 10_000) => new(
        _bot.Get<SubscriptionMatcher>(),
        outbox ?? Outbox,
        _bot.Get<IArticleStore>(),
        _bot.Get<ChatLifecycle>(),
        _bot.Time,
        NullLogger<DeliveryPlanner>.Instance)
    {
        SliceChats = sliceChats,
    };

    private ArticleDraft Draft(string title, string summary = "") => new(
        "https://news.example/" + Uri.EscapeDataString(title.ToLowerInvariant().Replace(' ', '-')),
        _wire.Id + ":" + title,
        title,
        summary,
        null,
        _wire.Id,
        _wire.Name,
        TestBot.Now.AddHours(-1),
        TestBot.Now,
        title.Contains("Robot", StringComparison.Ordinal) ? ["technology"] : [],
        null,
        true,
        _wire.Id + ":t:" + title);
}
