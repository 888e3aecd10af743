using NewsBot.Core.Telemetry;

namespace NewsBot.Tests.Monitoring;

/// <summary>The feed and outbox checks over real LiteDB stores, on a fake clock.</summary>
public sealed class ReadinessCheckTests() : BotTest(services: s => s.AddOptions<FeedsOptions>())
{
    [Fact]
    public async Task Feeds_EverySourceReadOnTime_Passes()
    {
        var source = Bot.Source("Wire");
        await Bot.Get<ISourceStore>().SaveAsync(source with { LastAttemptAt = TestBot.Now.AddMinutes(-3), NextPollAt = TestBot.Now.AddMinutes(7) }, CancellationToken.None);

        var result = await FeedsCheck().CheckAsync(CancellationToken.None);

        Assert.True(result.Healthy, result.Detail);
        Assert.Equal("1 sources, last read 3 min ago", result.Detail);
    }

    [Fact]
    public async Task Feeds_SourceWaitingLongerThanAPollInterval_Fails()
    {
        var source = Bot.Source("Wire");
        await Bot.Get<ISourceStore>().SaveAsync(source with { LastAttemptAt = TestBot.Now.AddMinutes(-40), NextPollAt = TestBot.Now.AddMinutes(-30) }, CancellationToken.None);

        var result = await FeedsCheck().CheckAsync(CancellationToken.None);

        Assert.False(result.Healthy);
        Assert.Contains($"source #{source.Id} Wire has waited 30 min past its time", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feeds_DisabledSourceLongOverdue_DoesNotCount()
    {
        var source = Bot.Source("Wire");
        await Bot.Get<ISourceStore>().SaveAsync(source with { Enabled = false, NextPollAt = TestBot.Now.AddDays(-3) }, CancellationToken.None);

        var result = await FeedsCheck().CheckAsync(CancellationToken.None);

        Assert.True(result.Healthy, result.Detail);
    }

    [Fact]
    public async Task Outbox_EntryDueLongAgoAndNothingSettled_Fails()
    {
        await EnqueueAsync("telegram:5", TestBot.Now.AddMinutes(-20));
        using var history = History();

        var result = await OutboxCheck(history).CheckAsync(CancellationToken.None);

        Assert.False(result.Healthy);
        Assert.Contains("1 pending; a telegram message has been due since", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_EntryDueLongAgoWhileSendsSettle_Passes()
    {
        await EnqueueAsync("telegram:5", TestBot.Now.AddMinutes(-20));
        using var history = History();
        Bot.Get<NewsBotMetrics>().Sent("telegram", NewsBotMetrics.SendOutcomes.Sent);

        var result = await OutboxCheck(history).CheckAsync(CancellationToken.None);

        Assert.True(result.Healthy, result.Detail);
        Assert.Equal("1 pending", result.Detail);
    }

    [Theory]
    [InlineData("telegram:5", 5)] // due recently
    [InlineData("discord:5", 120)] // long due, but for a platform this instance does not run
    public async Task Outbox_EntryDueRecentlyOrOfAPlatformNotRunning_Passes(string chat, int minutesDue)
    {
        await EnqueueAsync(chat, TestBot.Now.AddMinutes(-minutesDue));
        using var history = History();

        var result = await OutboxCheck(history).CheckAsync(CancellationToken.None);

        Assert.True(result.Healthy, result.Detail);
    }

    [Fact]
    public async Task Outbox_DueLongAgoWithNothingSent_OnAnInstanceThatDoesNotSend_Passes_ForTheSenderAnswersForIt()
    {
        await EnqueueAsync("telegram:5", TestBot.Now.AddHours(-2));
        using var history = History();
        await using var roles = new RoleKeeper(new HeldElsewhere(), new InstanceIdentity("follower"), Options.Create(new ScalingOptions()), Bot.Time, NullLogger<RoleKeeper>.Instance);

        var alone = await OutboxCheck(history).CheckAsync(CancellationToken.None);
        var follower = await OutboxCheck(history, roles).CheckAsync(CancellationToken.None);

        Assert.False(alone.Healthy);
        Assert.True(follower.Healthy, follower.Detail);
    }

    private FeedsCheck FeedsCheck() => new(Bot.Get<ISourceStore>(), Bot.Get<IOptionsMonitor<FeedsOptions>>(), Bot.Time);

    private DeliveryHistory History() => new(Bot.Get<NewsBotMetrics>(), Bot.Get<IOutboxStore>(), Bot.Time, NullLogger<DeliveryHistory>.Instance);

    private OutboxCheck OutboxCheck(DeliveryHistory history, RoleKeeper? roles = null) =>
        new([new ScriptedSender("telegram")], Bot.Get<IOutboxStore>(), history, roles ?? Bot.Get<RoleKeeper>(), Bot.Time);

    private async Task EnqueueAsync(string chatKey, DateTimeOffset due) =>
        await Bot.Get<IOutboxStore>().EnqueueAsync([OutboxEntry.ForComposed(chatKey, OutboxKind.Announcement, OutboxKeys.Announcement(chatKey, "1"), "1", due, due)], CancellationToken.None);

    /// <summary>Roles shared with other instances, every one of them held by another.</summary>
    private sealed class HeldElsewhere : IRoleLeases
    {
        public bool Shared => true;

        public ValueTask<RoleLease?> AcquireAsync(string role, string owner, TimeSpan duration, DateTimeOffset validUntil, CancellationToken cancellationToken) => ValueTask.FromResult<RoleLease?>(null);

        public ValueTask<TimeSpan?> FreeInAsync(string role, CancellationToken cancellationToken) => ValueTask.FromResult<TimeSpan?>(TimeSpan.FromSeconds(15));

        public ValueTask ReleaseAsync(string role, string owner, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask ForgetAsync(string role, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<IReadOnlyList<RoleHolder>> HoldersAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<RoleHolder>>([]);
    }
}
