namespace NewsBot.Tests.Platforms.Discord;

/// <summary>
/// Heartbeats, back-off and the identify gate on a fake clock: each test waits until the client
/// is waiting for an exact time, checks that time, and moves the clock; sockets stay real.
/// </summary>
public sealed class GatewayTimingTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private static GatewayTimings FakeClockTimings(double jitter = 0.25) => new()
    {
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(300),
        ReconnectJitter = TimeSpan.Zero,
        IdentifyWindow = TimeSpan.FromMilliseconds(50),
        Random = new FixedRandom(jitter),
    };

    [Fact]
    public async Task First_heartbeat_waits_interval_times_jitter_then_one_per_interval_carrying_the_last_sequence()
    {
        var clock = new ObservedClock();
        await using var gateway = await FakeDiscordGateway.StartAsync();
        gateway.Then(async c =>
        {
            await c.SendHelloAsync((int)Interval.TotalMilliseconds);
            await c.WaitForOpAsync(2);
            await c.WaitForOpAsync(1);
            await c.SendReadyAsync(sequence: 1);
        });
        await using var harness = GatewayHarness.Create(gateway, FakeClockTimings(jitter: 0.25), clock).Start();
        var connection = await gateway.ConnectionAsync(1);

        var firstWait = await clock.WaitForWaitAsync(Interval * 0.25);
        Assert.Empty(connection.ReceivedOp(1));
        clock.Advance(Interval * 0.25);
        var first = await connection.WaitForOpAsync(1);
        Assert.Null((long?)first["d"]);
        await harness.WaitForStatusAsync(GatewayStatus.Ready);
        await Eventually.WaitUntilAsync(() => harness.Client.HeartbeatsAcknowledged == 1, "the first heartbeat was acknowledged");

        var secondWait = await clock.WaitForWaitAsync(Interval, firstWait + 1);
        clock.Advance(Interval);
        Assert.Equal(1, (long?)(await connection.WaitForOpAsync(1, nth: 2))["d"]);
        await Eventually.WaitUntilAsync(() => harness.Client.HeartbeatsAcknowledged == 2, "the second heartbeat was acknowledged");

        await connection.SendDispatchAsync("GUILD_CREATE", 2, new JsonObject { ["id"] = "400" });
        await harness.Handler.WaitForAsync("GUILD_CREATE");
        await clock.WaitForWaitAsync(Interval, secondWait + 1);
        clock.Advance(Interval);
        Assert.Equal(2, (long?)(await connection.WaitForOpAsync(1, nth: 3))["d"]);
        Assert.Equal(1, gateway.ConnectionCount);
    }

    [Fact]
    public async Task Missing_ack_marks_the_connection_dead_closes_it_with_4000_and_resumes_with_the_last_sequence()
    {
        var clock = new ObservedClock();
        await using var gateway = await FakeDiscordGateway.StartAsync();
        gateway.Then(async c =>
        {
            c.AcknowledgeHeartbeats = false;
            await c.SendHelloAsync((int)Interval.TotalMilliseconds);
            await c.WaitForOpAsync(2);
            await c.SendReadyAsync(sequence: 1);
            await c.SendDispatchAsync("GUILD_CREATE", 2, new JsonObject { ["id"] = "400" });
        });
        gateway.Then(async c =>
        {
            await c.SendHelloAsync((int)Interval.TotalMilliseconds);
            await c.WaitForOpAsync(6);
            await c.SendDispatchAsync("MESSAGE_CREATE", 3, new JsonObject { ["id"] = "m3" });
            await c.SendDispatchAsync("MESSAGE_CREATE", 4, new JsonObject { ["id"] = "m4" });
            await c.SendDispatchAsync("RESUMED", 5, new JsonObject());
        });
        await using var harness = GatewayHarness.Create(gateway, FakeClockTimings(), clock).Start();
        var first = await gateway.ConnectionAsync(1);
        await Eventually.WaitUntilAsync(() => harness.Client.LastSequence == 2, "READY and GUILD_CREATE were read");

        var beat = await clock.WaitForWaitAsync(Interval * 0.25);
        clock.Advance(Interval * 0.25);
        await first.WaitForOpAsync(1);
        var zombieCheck = await clock.WaitForWaitAsync(Interval, beat + 1);
        clock.Advance(Interval);

        Assert.Equal(GatewayClosePolicy.ReconnectCloseCode, await first.WaitForEndAsync());
        Assert.Single(first.ReceivedOp(1));
        await clock.WaitForWaitAsync(TimeSpan.FromMilliseconds(100), zombieCheck + 1);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        var second = await gateway.ConnectionAsync(2);
        var resume = await second.WaitForOpAsync(6);
        Assert.Equal("/resume", second.Path);
        Assert.Equal(2, (long?)resume["d"]!["seq"]);
        Assert.Equal(FakeDiscordGateway.SessionId, (string?)resume["d"]!["session_id"]);
        Assert.Empty(second.ReceivedOp(2));
        await harness.Handler.WaitForAsync("RESUMED");
        Assert.Equal(["READY", "GUILD_CREATE", "MESSAGE_CREATE", "MESSAGE_CREATE", "RESUMED"], harness.Handler.Names);
        Assert.Equal(GatewayStatus.Ready, harness.Client.Status);

        var resumedBeat = await clock.WaitForWaitAsync(Interval * 0.25, zombieCheck + 1);
        Assert.True(resumedBeat > zombieCheck);
        clock.Advance(Interval * 0.25);
        Assert.Equal(5, (long?)(await second.WaitForOpAsync(1))["d"]);
    }

    [Fact]
    public async Task Reconnect_waits_double_up_to_the_cap_and_start_over_after_ready()
    {
        var clock = new ObservedClock();
        await using var gateway = await FakeDiscordGateway.StartAsync();
        var closeNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gateway.RefuseUpgrades(4);
        gateway.ThenStandardAnd(async c =>
        {
            await closeNow.Task;
            await c.CloseAsync(4000, "test close");
        });
        await using var harness = GatewayHarness.Create(gateway, FakeClockTimings(), clock).Start();

        var from = 0;
        foreach (var expected in new[] { 100, 200, 300, 300 })
        {
            from = await clock.WaitForWaitAsync(TimeSpan.FromMilliseconds(expected), from) + 1;
            Assert.Equal(0, gateway.ConnectionCount);
            clock.Advance(TimeSpan.FromMilliseconds(expected));
        }

        await harness.WaitForStatusAsync(GatewayStatus.Ready);
        Assert.Equal(4, gateway.RefusedUpgrades);
        closeNow.SetResult();
        await clock.WaitForWaitAsync(TimeSpan.FromMilliseconds(100), from);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        var second = await gateway.ConnectionAsync(2);
        await second.WaitForOpAsync(6);
    }

    [Fact]
    public async Task A_second_identify_waits_out_the_identify_window_after_a_rejected_session()
    {
        var clock = new ObservedClock();
        await using var gateway = await FakeDiscordGateway.StartAsync();
        gateway.Then(async c =>
        {
            await c.HelloAndIdentifyAsync();
            await c.SendInvalidSessionAsync(resumable: false);
        });
        var timings = FakeClockTimings(jitter: 0.25) with
        {
            IdentifyWindow = TimeSpan.FromSeconds(5),
            InvalidSessionMinDelay = TimeSpan.FromSeconds(1),
            InvalidSessionMaxDelay = TimeSpan.FromSeconds(5),
        };
        await using var harness = GatewayHarness.Create(gateway, timings, clock).Start();
        var first = await gateway.ConnectionAsync(1);
        await first.WaitForEndAsync();

        // 1 s + (5 s - 1 s) × 0.25 = 2 s after Invalid Session, then the rest of the 5 s identify window.
        var invalidSessionWait = await clock.WaitForWaitAsync(TimeSpan.FromSeconds(2));
        clock.Advance(TimeSpan.FromSeconds(2));
        await clock.WaitForWaitAsync(TimeSpan.FromSeconds(3), invalidSessionWait + 1);
        Assert.Equal(1, gateway.ConnectionCount);
        clock.Advance(TimeSpan.FromSeconds(3));

        var second = await gateway.ConnectionAsync(2);
        await second.WaitForOpAsync(2);
        Assert.Equal("/", second.Path);
    }

    [Fact]
    public async Task A_spent_session_start_budget_waits_for_its_reset_before_connecting()
    {
        var clock = new ObservedClock();
        await using var gateway = await FakeDiscordGateway.StartAsync();
        await using var harness = GatewayHarness.Create(gateway, FakeClockTimings(), clock);
        harness.BotSource.Limit = new SessionStartLimit(Remaining: 0, ResetAfter: TimeSpan.FromMinutes(10), MaxConcurrency: 1);
        harness.Start();

        await clock.WaitForWaitAsync(TimeSpan.FromMinutes(10));
        Assert.Equal(0, gateway.ConnectionCount);
        Assert.Contains(harness.LogsAt(LogLevel.Warning), r => r.Message.Contains("session start limit", StringComparison.Ordinal));
        clock.Advance(TimeSpan.FromMinutes(10));

        await harness.WaitForStatusAsync(GatewayStatus.Ready);
        Assert.Equal(1, gateway.ConnectionCount);
    }
}
