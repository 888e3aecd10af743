using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace NewsBot.Tests.Platforms.Discord;

public sealed class GatewayPartsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Property]
    public bool First_heartbeat_delay_stays_within_zero_and_the_interval(PositiveInt intervalMs, NormalFloat jitter)
    {
        var interval = TimeSpan.FromMilliseconds(intervalMs.Get);
        var delay = DiscordGatewayClient.FirstHeartbeatDelay(interval, Math.Abs(jitter.Get) % 1.0);
        return delay >= TimeSpan.Zero && delay < interval;
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(7.0)]
    [InlineData(-1.0)]
    public void First_heartbeat_delay_stays_below_the_interval_even_for_out_of_range_jitter(double jitter)
    {
        var delay = DiscordGatewayClient.FirstHeartbeatDelay(TimeSpan.FromSeconds(41.25), jitter);

        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(41.25) - TimeSpan.FromTicks(1));
    }

    [Fact]
    public void Reconnect_backoff_doubles_from_the_base_to_the_cap_and_resets()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), TimeSpan.Zero, new FixedRandom(0.5));

        var delays = Enumerable.Range(0, 8).Select(_ => backoff.NextDelay().TotalSeconds).ToList();
        backoff.Reset();

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60], delays);
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.NextDelay());
    }

    [Theory]
    [InlineData(0.0, 750)]
    [InlineData(0.5, 1000)]
    [InlineData(0.999999, 1250)]
    public void Reconnect_backoff_jitter_moves_the_wait_by_at_most_the_jitter(double random, int expectedMs)
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(250), new FixedRandom(random));

        Assert.Equal(expectedMs, backoff.NextDelay().TotalMilliseconds, precision: 0);
    }

    [Fact]
    public async Task Send_limiter_lets_ordinary_sends_fill_the_window_less_the_heartbeat_reserve_then_waits_for_the_window_to_move()
    {
        var clock = new FakeTimeProvider(Start);
        using var limiter = new GatewaySendLimiter(clock, limit: 120, TimeSpan.FromSeconds(60), heartbeatReserve: 5);

        for (var i = 0; i < 115; i++)
        {
            await limiter.WaitForOrdinarySendAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        }

        var waiting = limiter.WaitForOrdinarySendAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        for (var i = 0; i < 5; i++)
        {
            limiter.RecordHeartbeat();
        }

        Assert.Equal(120, limiter.SentInWindow);
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Two_hundred_queued_sends_with_heartbeats_never_exceed_120_in_any_60_second_window()
    {
        var clock = new FakeTimeProvider(Start);
        using var limiter = new GatewaySendLimiter(clock, limit: 120, TimeSpan.FromSeconds(60), heartbeatReserve: 5);
        var sentAt = new List<DateTimeOffset>();
        var heartbeats = 0;
        var sender = Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                await limiter.WaitForOrdinarySendAsync(CancellationToken.None);
                lock (sentAt)
                {
                    sentAt.Add(clock.GetUtcNow());
                }
            }
        });

        // Three minutes in one-second steps, a heartbeat every 41 s as Discord's usual interval asks.
        for (var second = 0; second < 180 && !sender.IsCompleted; second++)
        {
            if (second % 41 == 0)
            {
                limiter.RecordHeartbeat();
                heartbeats++;
                lock (sentAt)
                {
                    sentAt.Add(clock.GetUtcNow());
                }
            }

            await Task.Delay(5);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        await sender.WaitAsync(TimeSpan.FromSeconds(10));
        var times = sentAt.Order().ToList();
        Assert.Equal(200 + heartbeats, times.Count);
        Assert.True(heartbeats >= 2);
        foreach (var start in times)
        {
            Assert.True(times.Count(t => t >= start && t < start + TimeSpan.FromSeconds(60)) <= 120, $"more than 120 sends in the minute from {start:T}");
        }
    }

    [Fact]
    public async Task Identify_gate_allows_one_identify_per_window_for_max_concurrency_one()
    {
        var clock = new FakeTimeProvider(Start);
        var gate = new IdentifyGate(clock, TimeSpan.FromSeconds(5));
        gate.Update(new SessionStartLimit(1000, TimeSpan.FromHours(4), MaxConcurrency: 1));

        await gate.WaitForTurnAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        var second = gate.WaitForTurnAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(0.1));

        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Identify_gate_allows_max_concurrency_identifies_per_window()
    {
        var clock = new FakeTimeProvider(Start);
        var gate = new IdentifyGate(clock, TimeSpan.FromSeconds(5));
        gate.Update(new SessionStartLimit(1000, TimeSpan.FromHours(4), MaxConcurrency: 2));

        await gate.WaitForTurnAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        await gate.WaitForTurnAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(gate.WaitForTurnAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task Identify_gate_with_no_session_starts_left_waits_until_the_reset()
    {
        var clock = new FakeTimeProvider(Start);
        var gate = new IdentifyGate(clock, TimeSpan.FromSeconds(5));
        gate.Update(new SessionStartLimit(0, TimeSpan.FromHours(3), MaxConcurrency: 1));

        var waiting = gate.WaitForTurnAsync(CancellationToken.None);
        Assert.Equal(Start + TimeSpan.FromHours(3), gate.BlockedUntil);
        clock.Advance(TimeSpan.FromHours(3) - TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Null(gate.BlockedUntil);
    }

    [Fact]
    public async Task Identify_gate_counts_down_the_budget_it_was_given()
    {
        var clock = new FakeTimeProvider(Start);
        var gate = new IdentifyGate(clock, TimeSpan.FromSeconds(5));
        gate.Update(new SessionStartLimit(1, TimeSpan.FromMinutes(30), MaxConcurrency: 1));

        await gate.WaitForTurnAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        clock.Advance(TimeSpan.FromSeconds(10));
        var next = gate.WaitForTurnAsync(CancellationToken.None);

        Assert.False(next.IsCompleted);
        Assert.NotNull(gate.BlockedUntil);
    }

    [Theory]
    [InlineData(null, "Resume")]
    [InlineData(1000, "Resume")]
    [InlineData(1001, "Resume")]
    [InlineData(4000, "Resume")]
    [InlineData(4001, "Resume")]
    [InlineData(4002, "Resume")]
    [InlineData(4003, "Identify")]
    [InlineData(4004, "Stop")]
    [InlineData(4005, "Resume")]
    [InlineData(4007, "Identify")]
    [InlineData(4008, "Resume")]
    [InlineData(4009, "Identify")]
    [InlineData(4010, "Stop")]
    [InlineData(4011, "Stop")]
    [InlineData(4012, "Stop")]
    [InlineData(4013, "Stop")]
    [InlineData(4014, "Stop")]
    public void Close_codes_map_to_the_reference_table(int? code, string expected) =>
        Assert.Equal(expected, GatewayClosePolicy.ActionFor(code).ToString());

    [Fact]
    public void Heartbeat_before_any_dispatch_carries_null_and_frames_stay_small()
    {
        Assert.Equal("""{"op":1,"d":null}""", Encoding.UTF8.GetString(GatewayPayloads.Heartbeat(null)));
        Assert.Equal("""{"op":1,"d":251}""", Encoding.UTF8.GetString(GatewayPayloads.Heartbeat(251)));
        Assert.True(GatewayPayloads.Identify(FakeDiscordGateway.Token).Length < GatewayPayloads.MaxFrameBytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"op":null}""")]
    [InlineData("""{"op":1.5}""")]
    [InlineData("""{"op":99999999999}""")]
    [InlineData("""{"op":0,"s":1,"t":"X","d":{"unterminated":""")]
    public void Frames_that_are_not_gateway_payloads_are_refused_with_a_reason(string text)
    {
        using var frame = GatewayFrame.TryParse(Encoding.UTF8.GetBytes(text), out var problem);

        Assert.Null(frame);
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void A_dispatch_frame_keeps_its_data_after_the_source_bytes_are_overwritten()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"op":0,"s":7,"t":"INTERACTION_CREATE","d":{"id":"300"}}""");
        using var frame = GatewayFrame.TryParse(bytes, out _);
        Array.Fill(bytes, (byte)' ');

        Assert.NotNull(frame);
        Assert.Equal(7, frame.Sequence);
        Assert.Equal("INTERACTION_CREATE", frame.EventName);
        Assert.Equal("300", frame.Data.GetProperty("id").GetString());
    }
}
