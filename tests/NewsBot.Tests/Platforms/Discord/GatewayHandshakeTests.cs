namespace NewsBot.Tests.Platforms.Discord;

public sealed class GatewayHandshakeTests
{
    [Fact]
    public async Task Hello_then_one_identify_without_privileged_intents_then_ready_exposes_the_session_and_ids()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        await using var harness = GatewayHarness.Create(gateway).Start();

        await harness.Handler.WaitForAsync("READY");

        Assert.Contains(
            harness.LogsAt(LogLevel.Information),
            r => r.Message == $"Discord gateway ready as bot user {FakeDiscordGateway.BotUserId} of application {FakeDiscordGateway.ApplicationId}.");
        Assert.Equal(GatewayStatus.Ready, harness.Client.Status);
        Assert.Equal(FakeDiscordGateway.SessionId, harness.Client.SessionId);
        Assert.Equal(1, harness.Client.LastSequence);
        var connection = await gateway.ConnectionAsync(1);
        Assert.Equal("/", connection.Path);
        Assert.Equal("10", connection.Query["v"]);
        Assert.Equal("json", connection.Query["encoding"]);
        var identify = Assert.Single(connection.ReceivedOp(2));
        var d = identify["d"]!.AsObject();
        Assert.Equal(FakeDiscordGateway.Token, (string?)d["token"]);
        Assert.Equal(1, (int?)d["intents"]);
        Assert.Equal(0, (int)d["intents"]! & (2 | 256 | 32768));
        Assert.False(d.ContainsKey("shard"));
        Assert.False(string.IsNullOrEmpty((string?)d["properties"]!["os"]));
        Assert.Equal("newsbot", (string?)d["properties"]!["browser"]);
        Assert.Equal("newsbot", (string?)d["properties"]!["device"]);
        Assert.Empty(connection.ReceivedOp(6));
        Assert.Equal(1, gateway.ConnectionCount);
    }

    [Fact]
    public async Task Gateway_url_setting_overrides_the_discovered_url()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        await using var harness = GatewayHarness.Create(gateway, gatewayUrl: gateway.Url.ToString());
        harness.BotSource.Url = new Uri("ws://127.0.0.1:9/nowhere");
        harness.Start();

        await harness.WaitForStatusAsync(GatewayStatus.Ready);

        Assert.Equal(1, gateway.ConnectionCount);
    }

    [Fact]
    public async Task Server_requested_heartbeat_is_answered_at_once_with_the_last_sequence()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        gateway.Then(async c =>
        {
            await c.HelloAndIdentifyAsync();
            await c.SendReadyAsync(sequence: 1);
            await c.SendDispatchAsync("GUILD_CREATE", 2, new JsonObject { ["id"] = "400" });
            await c.RequestHeartbeatAsync();
        });
        // Jitter 0.9 puts the first scheduled heartbeat 54 s away: any heartbeat seen here answers the request.
        await using var harness = GatewayHarness.Create(gateway).Start();
        var connection = await gateway.ConnectionAsync(1);

        var heartbeat = await connection.WaitForOpAsync(1);

        Assert.Equal(2, (long?)heartbeat["d"]);
        await Eventually.WaitUntilAsync(() => harness.Client.HeartbeatsAcknowledged == 1, "the heartbeat was acknowledged");
    }

    [Fact]
    public async Task Ready_and_a_large_guild_create_split_over_many_frames_are_reassembled()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        var bigName = new string('x', 80_000);
        gateway.Then(async c =>
        {
            await c.HelloAndIdentifyAsync();
            await c.SendFragmentedAsync(FakeGatewayConnection.Dispatch("READY", 1, c.Ready(FakeDiscordGateway.SessionId)), frames: 3);
            await c.SendFragmentedAsync(FakeGatewayConnection.Dispatch("GUILD_CREATE", 2, new JsonObject { ["id"] = "400", ["name"] = bigName }), frames: 40);
        });
        await using var harness = GatewayHarness.Create(gateway).Start();

        var guild = await harness.Handler.WaitForAsync("GUILD_CREATE");

        Assert.Equal(bigName, guild.GetProperty("name").GetString());
        Assert.Equal(FakeDiscordGateway.SessionId, harness.Client.SessionId);
        Assert.Equal(2, harness.Client.LastSequence);
        Assert.Equal(1, gateway.ConnectionCount);
    }

    [Fact]
    public async Task Malformed_and_binary_messages_are_logged_and_ignored_and_the_session_still_starts()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        gateway.Then(async c =>
        {
            await c.SendAsync("this is not json");
            await c.SendAsync("""{"op":"ten"}""");
            await c.SendAsync("[1,2,3]");
            await c.SendBinaryAsync([0x78, 0x9c, 0x01]);
            await c.SendAsync("""{"op":10,"d":{"heartbeat_interval":60000}}""");
            await c.WaitForOpAsync(2);
            await c.SendAsync("""{"op":0,"s":2,"d":{}}""");
            await c.SendReadyAsync(sequence: 3);
        });
        await using var harness = GatewayHarness.Create(gateway).Start();

        await harness.WaitForStatusAsync(GatewayStatus.Ready);

        Assert.Equal(1, gateway.ConnectionCount);
        var warnings = harness.LogsAt(Microsoft.Extensions.Logging.LogLevel.Warning).Select(r => r.Message).ToList();
        Assert.Equal(3, warnings.Count(m => m.Contains("cannot read", StringComparison.Ordinal)));
        Assert.Contains(warnings, m => m.Contains("binary", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.Contains("without an event name", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.LogLines, l => l.Contains("is not json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_closes_with_1000_and_run_returns_stopped()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        await using var harness = GatewayHarness.Create(gateway).Start();
        await harness.WaitForStatusAsync(GatewayStatus.Ready);
        var connection = await gateway.ConnectionAsync(1);

        await harness.StopAsync();

        Assert.Equal(1000, await connection.WaitForEndAsync());
        Assert.Equal(GatewayStatus.Stopped, harness.Client.Status);
        Assert.Equal(GatewayStopReason.Shutdown, harness.Client.StopReason);
        Assert.Equal(1, gateway.ConnectionCount);
    }

    [Fact]
    public async Task A_slow_or_throwing_dispatch_handler_delays_neither_heartbeats_nor_reading()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        gateway.HeartbeatIntervalMs = 200;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = GatewayHarness.Create(gateway);
        harness.Handler.Behaviour = async (name, _, _) =>
        {
            if (name == "BOOM")
            {
                throw new InvalidOperationException($"handler broke while holding {FakeDiscordGateway.Token}");
            }

            if (name == "STUCK")
            {
                await release.Task;
            }
        };
        harness.Start();
        await harness.WaitForStatusAsync(GatewayStatus.Ready);
        var connection = await gateway.ConnectionAsync(1);

        await connection.SendDispatchAsync("BOOM", 2, new JsonObject());
        await connection.SendDispatchAsync("STUCK", 3, new JsonObject());
        await connection.SendDispatchAsync("AFTER", 4, new JsonObject());
        var acknowledgedBefore = harness.Client.HeartbeatsAcknowledged;

        // The handler is stuck on STUCK: heartbeats keep going and carry the sequence read after it.
        await connection.WaitForFrameAsync(f => f.Op() == 1 && (long?)f["d"] == 4);
        await Eventually.WaitUntilAsync(() => harness.Client.HeartbeatsAcknowledged >= acknowledgedBefore + 3, "three more heartbeats were acknowledged");
        Assert.Equal(GatewayStatus.Ready, harness.Client.Status);
        Assert.Equal(1, gateway.ConnectionCount);
        Assert.DoesNotContain("AFTER", harness.Handler.Names);

        release.SetResult();
        await harness.Handler.WaitForAsync("AFTER");
        var failure = Assert.Single(harness.LogsAt(Microsoft.Extensions.Logging.LogLevel.Error));
        Assert.Contains("BOOM", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.LogLines, l => l.Contains(FakeDiscordGateway.Token, StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Object, harness.Handler.Events.Single(e => e.Name == "AFTER").Data.ValueKind);
    }
}
