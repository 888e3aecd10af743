namespace NewsBot.Tests.Subscriptions;

public sealed class SubscriptionServiceTests : BotTest
{
    private SubscriptionService Service => Bot.Get<SubscriptionService>();

    private SubscriptionMatcher Matcher => Bot.Get<SubscriptionMatcher>();

    private DigestSchedule Schedule => Bot.Get<DigestSchedule>();

    [Fact]
    public async Task Add_IsStored_ThenMatched_AndADailyOneIsScheduled()
    {
        var instant = await Service.AddAsync(Science("telegram:1", DeliveryMode.Instant), CancellationToken.None);
        var daily = await Service.AddAsync(Science("telegram:2", DeliveryMode.Daily), CancellationToken.None);

        Assert.Equal([instant.Id, daily.Id], (await Bot.Get<ISubscriptionStore>().AllAsync(CancellationToken.None).ToListAsync()).Select(s => s.Id));
        Assert.Equal(["telegram:1", "telegram:2"], (await MatchesAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(daily.Id, Assert.Single(Schedule.Candidates(TestBot.Now)).Id);
    }

    [Fact]
    public async Task Remove_LeavesTheStore_TheMatcherAndTheSchedule_OnlyForThatChat()
    {
        var daily = await Service.AddAsync(Science("telegram:1", DeliveryMode.Daily), CancellationToken.None);
        await Service.AddAsync(Science("telegram:2", DeliveryMode.Instant), CancellationToken.None);

        Assert.Equal(0, await Service.RemoveAsync("telegram:2", [daily.Id], CancellationToken.None));
        Assert.Equal(1, await Service.RemoveAsync("telegram:1", [daily.Id], CancellationToken.None));

        Assert.Empty(await Bot.Get<ISubscriptionStore>().ListForChatAsync("telegram:1", CancellationToken.None));
        Assert.Equal(["telegram:2"], await MatchesAsync());
        Assert.Empty(Schedule.Candidates(TestBot.Now));
    }

    [Fact]
    public async Task Rebuild_HoldsExactlyWhatTheStoreHolds()
    {
        var gone = await Service.AddAsync(Science("telegram:1", DeliveryMode.Daily), CancellationToken.None);
        await Bot.Get<ISubscriptionStore>().RemoveAsync("telegram:1", [gone.Id], CancellationToken.None);
        var stored = await Bot.Get<ISubscriptionStore>().AddAsync(Science("telegram:2", DeliveryMode.Daily), CancellationToken.None);
        Assert.Equal(["telegram:1"], await MatchesAsync());

        await Service.RebuildAsync(CancellationToken.None);

        Assert.Equal(["telegram:2"], await MatchesAsync());
        Assert.Equal(stored.Id, Assert.Single(Schedule.Candidates(TestBot.Now)).Id);
    }

    private async Task<IEnumerable<string>> MatchesAsync()
    {
        var article = Assert.Single(await Bot.IngestAsync(Bot.Source(), TestBot.Entry("Telescope finds a comet " + Guid.NewGuid().ToString("N"))));
        return Matcher.Match(article).Select(s => s.ChatKey);
    }

    private static Subscription Science(string chat, DeliveryMode mode) =>
        new(0, chat, SubscriptionKind.Topic, "science", mode, mode == DeliveryMode.Daily ? new TimeOnly(8, 0) : null, chat, TestBot.Now);
}
