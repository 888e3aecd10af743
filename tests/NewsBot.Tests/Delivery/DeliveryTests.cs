namespace NewsBot.Tests.Delivery;

public sealed class DeliveryTests : WireBotTest
{
    private readonly ScriptedSender _telegram = new();

    [Fact]
    public async Task NewArticle_MatchingASubscription_IsSentOnce()
    {
        await Bot.SubscribeAsync("/subscribe technology", chat: "telegram:1");
        await Bot.SubscribeAsync("/subscribe robot", chat: "telegram:1");
        await Bot.SubscribeAsync("/subscribe science", chat: "telegram:2", user: "telegram:2");

        await Bot.IngestAsync(Wire, TestBot.Entry("Robot chef opens a kitchen"));
        await Bot.DispatchAsync(_telegram);
        await Bot.DispatchAsync(_telegram);

        var (chat, reply) = Assert.Single(_telegram.Attempts);
        Assert.Equal("telegram:1", chat.Key);
        Assert.Equal("Robot chef opens a kitchen", Assert.IsType<ArticleCardBlock>(reply.Blocks[0]).Article.Title);
        Assert.Equal(0, await Outbox.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SameStoryFromASecondSource_IsNotSentAgain()
    {
        await Bot.SubscribeAsync("/subscribe glacier", chat: "telegram:1");
        const string Summary = "The Aldermoor glacier lost a fifth of its ice since 2010, a radar survey by Kelderfeld glaciologists found.";

        await Bot.IngestAsync(Wire, TestBot.Entry("Aldermoor glacier lost a fifth of its ice, survey finds", Summary, hoursAgo: 3));
        await Bot.DispatchAsync(_telegram);
        await Bot.IngestAsync(Bot.Source("Other"), TestBot.Entry("Aldermoor glacier shrinks by a fifth since 2010", Summary, hoursAgo: 1));
        await Bot.DispatchAsync(_telegram);

        Assert.Single(_telegram.Attempts);
    }

    [Fact]
    public async Task BacklogItems_AreNeverPushed()
    {
        await Bot.SubscribeAsync("/subscribe technology");

        await Bot.Get<ArticleIngestor>().IngestAsync(Wire, [TestBot.Entry("Robot backlog")], new IngestOptions(FirstFetch: true, TimeSpan.FromDays(2)), CancellationToken.None);
        await Bot.IngestAsync(Wire, TestBot.Entry("Robot from last month", hoursAgo: 24 * 20));
        await Bot.DispatchAsync(_telegram);

        Assert.Empty(_telegram.Attempts);
    }

    [Fact]
    public async Task DailySubscriptions_AreNotPushedInstantly()
    {
        await Bot.SubscribeAsync("/subscribe technology daily 08:00");

        await Bot.IngestAsync(Wire, TestBot.Entry("Robot news"));
        await Bot.DispatchAsync(_telegram);

        Assert.Empty(_telegram.Attempts);
    }

    [Fact]
    public async Task Burst_ForOneChat_IsOneGroupedMessage()
    {
        await Bot.SubscribeAsync("/subscribe technology");

        await Bot.IngestAsync(Wire, Enumerable.Range(1, 12).Select(i => TestBot.Entry($"Robot story {i}", hoursAgo: i)).ToArray());
        await Bot.DispatchAsync(_telegram);

        var (_, reply) = Assert.Single(_telegram.Attempts);
        Assert.Contains("12 new articles", Assert.IsType<TextBlock>(reply.Blocks[0]).Text, StringComparison.Ordinal);
        Assert.Equal(PushMessages.MaxListed, Assert.IsType<ArticleListBlock>(reply.Blocks[1]).Items.Count);
    }

    [Fact]
    public async Task FloodWait_HoldsTheChatAndLosesNothing()
    {
        await Bot.SubscribeAsync("/subscribe technology");
        _telegram.Then(new SendOutcome.RetryAfter(TimeSpan.FromSeconds(30), Global: false));

        await Bot.IngestAsync(Wire, TestBot.Entry("Robot news"));
        await Bot.DispatchAsync(_telegram);
        await Bot.DispatchAsync(_telegram);
        Bot.Time.Advance(TimeSpan.FromSeconds(31));
        await Bot.DispatchAsync(_telegram);

        Assert.Equal(2, _telegram.Attempts.Count);
        Assert.Single(_telegram.Delivered);
        Assert.Equal(0, await Outbox.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ServerErrors_BackOffThenSucceed()
    {
        await Bot.SubscribeAsync("/subscribe technology");
        _telegram.Then(new SendOutcome.TransientFailure("HTTP 502"), new SendOutcome.TransientFailure("HTTP 502"));

        await Bot.IngestAsync(Wire, TestBot.Entry("Robot news"));
        for (var i = 0; i < 6; i++)
        {
            await Bot.DispatchAsync(_telegram);
            Bot.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(3, _telegram.Attempts.Count);
        Assert.Single(_telegram.Delivered);
    }

    [Fact]
    public async Task BlockedChat_IsMarkedInactive_ItsQueueDropped_AndStartBringsItBack()
    {
        await Bot.SubscribeAsync("/subscribe technology");
        _telegram.Then(new SendOutcome.PermanentFailure("blocked by the user", ChatUnreachable: true));

        await Bot.IngestAsync(Wire, TestBot.Entry("Robot news"), TestBot.Entry("Chip news"));
        await Bot.DispatchAsync(_telegram);
        var chat = Bot.Get<ChatLifecycle>().Find(ChatAddress.Parse("telegram:1"))!;
        await Bot.IngestAsync(Wire, TestBot.Entry("Another robot"));
        await Bot.DispatchAsync(_telegram);

        Assert.False(chat.Active);
        Assert.Equal("blocked by the user", Shown.InEnglish(chat.InactiveReason));
        Assert.Single(_telegram.Attempts);
        Assert.Equal(0, await Outbox.CountPendingAsync(CancellationToken.None));

        await Bot.SendAsync("/start");
        await Bot.IngestAsync(Wire, TestBot.Entry("Robot comeback"));
        await Bot.DispatchAsync(_telegram);

        Assert.True(Bot.Get<ChatLifecycle>().Find(ChatAddress.Parse("telegram:1"))!.Active);
        Assert.Equal(2, _telegram.Attempts.Count);
    }

    [Fact]
    public async Task Restart_DoesNotResendWhatWasSent()
    {
        await Bot.SubscribeAsync("/subscribe technology");
        await Bot.IngestAsync(Wire, TestBot.Entry("Robot news"));
        await Bot.DispatchAsync(_telegram);

        // A second dispatcher over the same database, as after a restart.
        var fresh = new DeliveryDispatcher(Outbox, Bot.Get<IArticleStore>(), Bot.Get<ChatLifecycle>(), [], Microsoft.Extensions.Options.Options.Create(new DeliveryOptions()), Bot.Get<NewsBot.Core.Telemetry.NewsBotMetrics>(), Bot.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<DeliveryDispatcher>.Instance);
        await fresh.DispatchRoundAsync(_telegram, CancellationToken.None, CancellationToken.None);
        await Bot.IngestAsync(Wire, TestBot.Entry("Robot news"));

        Assert.Single(_telegram.Attempts);
    }

    [Fact]
    public async Task Pacing_SpreadsMessagesToOneChat()
    {
        await Bot.SubscribeAsync("/subscribe technology");
        // Two ingests: stories that arrive together would be one message.
        await Bot.IngestAsync(Wire, TestBot.Entry("Robot one", hoursAgo: 1));
        await Bot.IngestAsync(Wire, TestBot.Entry("Robot two", hoursAgo: 2));

        var dispatching = Bot.Get<DeliveryDispatcher>().DispatchRoundAsync(_telegram, CancellationToken.None, CancellationToken.None);
        // The first send after a start waits one global slot (1/30 s); the second waits for the chat's next second.
        var firstSlot = await Bot.Time.WaitForWaitAsync(w => w > TimeSpan.Zero && w <= TimeSpan.FromMilliseconds(40));
        var nextSecond = await Bot.Time.WaitForWaitAsync(w => w >= TimeSpan.FromMilliseconds(500));
        Assert.Empty(_telegram.Attempts);

        // A timer fires inside Advance: once it returns, the first send is under way and the second still waits.
        Bot.Time.Advance(TimeSpan.FromMilliseconds(40));
        Assert.True(Bot.Time.HasFired(firstSlot));
        Assert.False(Bot.Time.HasFired(nextSecond));
        await Eventually.WaitUntilAsync(() => _telegram.Attempts.Count >= 1, "the first send");
        Assert.Single(_telegram.Attempts);
        Bot.Time.Advance(TimeSpan.FromSeconds(1));
        await dispatching.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, _telegram.Attempts.Count);
    }
}
