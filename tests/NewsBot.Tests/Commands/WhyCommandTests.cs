namespace NewsBot.Tests.Commands;

public sealed class WhyCommandTests : IDisposable
{
    private readonly DeliveryRig _rig = new();

    public void Dispose() => _rig.Dispose();

    private TestBot Bot => _rig.Bot;

    private Task<string> WhyAsync(int id) => Flat.Of(Bot.SendAsync($"/why {id}"));

    /// <summary>
    /// Subscribes this chat to technology, lets a technology article arrive, runs one delivery
    /// round (in which the sender answers <paramref name="outcome"/>, when given) and asks why.
    /// </summary>
    private async Task<string> WhyAfterOneRoundAsync(SendOutcome? outcome = null)
    {
        await Flat.Of(Bot.SubscribeAsync("/subscribe technology"));
        if (outcome is not null)
        {
            _rig.Telegram.Then(outcome);
        }

        var article = (await _rig.NewsAsync("Robot opens a bakery"))[0];
        await _rig.DispatchAsync();
        return await WhyAsync(article.Id);
    }

    [Theory]
    [InlineData("/why", "needs an article number")]
    [InlineData("/why abc", "is not an article number")]
    [InlineData("/why 999", "There is no article #999")]
    public async Task Why_BadOrUnknownId_IsAFriendlyAnswer(string command, string expected)
    {
        Assert.Contains(expected, await Flat.Of(Bot.SendAsync(command)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_ChatWithoutSubscriptions_SaysSo()
    {
        var article = (await _rig.NewsAsync("Robot opens a bakery"))[0];

        Assert.Contains("This chat has no subscriptions", await WhyAsync(article.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_NoSubscriptionMatches_NamesTheClosestAndWhatItLacks()
    {
        await Flat.Of(Bot.SubscribeAsync("/subscribe sports"));
        await Flat.Of(Bot.SubscribeAsync("/subscribe solar power -stocks"));
        var article = (await _rig.NewsAsync("Solar prices fall again"))[0];

        var answer = await WhyAsync(article.Id);

        Assert.Contains("No subscription here matches it. The closest is #2", answer, StringComparison.Ordinal);
        Assert.Contains("the article lacks power", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_TopicSubscriptionOnly_SaysWhichTopicsTheArticleIsIn()
    {
        await Flat.Of(Bot.SubscribeAsync("/subscribe sports"));
        var article = (await _rig.NewsAsync("Robot opens a bakery"))[0];

        Assert.Contains("it follows topic sports, and this article is in topics technology", await WhyAsync(article.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_Delivered_SaysWhen_InTheChatsZone()
    {
        await Flat.Of(Bot.SendAsync("/timezone Europe/Berlin"));
        var answer = await WhyAfterOneRoundAsync();

        Assert.Contains("Delivered here as a push at 13:00 Europe/Berlin", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_Queued_AfterAFailedAttempt_SaysWhyAndWhenNext()
    {
        var answer = await WhyAfterOneRoundAsync(new SendOutcome.TransientFailure("HTTP 502"));

        Assert.Contains("the last attempt did not go through (HTTP 502). Next attempt at", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_QueuedAndDue_SaysItGoesOutWithinMoments()
    {
        await Flat.Of(Bot.SubscribeAsync("/subscribe technology"));
        var article = (await _rig.NewsAsync("Robot opens a bakery"))[0];

        Assert.Contains("Queued as a push; it goes out within moments", await WhyAsync(article.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_HeldByQuietHours_SaysUntilWhen()
    {
        await Flat.Of(Bot.SendAsync("/timezone Europe/Berlin"));
        await Flat.Of(Bot.SendAsync("/quiet 12:00-15:00"));
        var answer = await WhyAfterOneRoundAsync();

        Assert.Contains("Held by this chat's quiet hours (12:00-15:00 Europe/Berlin) until 15:00 Europe/Berlin", answer, StringComparison.Ordinal);
        Assert.Empty(_rig.Telegram.Attempts);
    }

    [Fact]
    public async Task Why_WaitingForTheDailyDigest_SaysWhen()
    {
        await Flat.Of(Bot.SubscribeAsync("/subscribe technology daily 18:00"));
        var article = (await _rig.NewsAsync("Robot opens a bakery"))[0];

        Assert.Contains("Waiting for the daily digest #1 (topic technology, daily digest at 18:00) at 18:00 UTC (in 6 h)", await WhyAsync(article.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_SentInADigest_SaysSo()
    {
        await Flat.Of(Bot.SubscribeAsync("/subscribe technology daily 18:00"));
        var article = (await _rig.NewsAsync("Robot opens a bakery"))[0];
        Bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 18, 0, 0, TimeSpan.Zero));
        await Bot.Get<NewsBot.Core.Digests.DigestScheduler>().RunDueAsync(CancellationToken.None);
        await _rig.DispatchAsync();

        Assert.Contains("Delivered here in the daily digest of subscription #1 at 18:00 UTC", await WhyAsync(article.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_FailedForGood_GivesTheReason()
    {
        var answer = await WhyAfterOneRoundAsync(new SendOutcome.PermanentFailure("message is too long", ChatUnreachable: false));

        Assert.Contains("Not delivered: failed — message is too long", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_Blocked_SaysSo_AndHowToComeBack()
    {
        var answer = await WhyAfterOneRoundAsync(new SendOutcome.PermanentFailure("blocked by the user", ChatUnreachable: true));

        Assert.Contains("Not delivered: blocked — blocked by the user", answer, StringComparison.Ordinal);
        Assert.Contains("/start", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_Backlog_WasNotPushed()
    {
        await Flat.Of(Bot.SubscribeAsync("/subscribe technology"));
        var article = (await Bot.Get<ArticleIngestor>().IngestAsync(_rig.Wire, [_rig.Entry("Robot in a new source's backlog")], new IngestOptions(FirstFetch: true, TimeSpan.FromDays(2)), CancellationToken.None)).Added[0];

        Assert.Contains("it was in the backlog of a new source or too old", await WhyAsync(article.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_ArrivedBeforeTheSubscription_WasNotPushed()
    {
        var article = (await _rig.NewsAsync("Robot opens a bakery"))[0];
        Bot.Time.Advance(TimeSpan.FromMinutes(10));
        await Flat.Of(Bot.SubscribeAsync("/subscribe technology"));

        Assert.Contains("before that subscription was made", await WhyAsync(article.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_IsInHelp_ForEveryone()
    {
        Assert.Contains("/why <id>", await Flat.Of(Bot.SendAsync("/help", user: "telegram:5", chat: "telegram:5")), StringComparison.Ordinal);
    }
}
