namespace NewsBot.Tests.Platforms.Discord;

public sealed class GatewayReconnectTests
{
    private readonly TaskCompletionSource _dropNow = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task Reconnect_request_closes_without_ending_the_session_and_resumes_on_the_resume_url()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        gateway.ThenStandardAnd(async c =>
        {
            await c.SendDispatchAsync("GUILD_CREATE", 2, new JsonObject { ["id"] = "400" });
            await c.SendReconnectAsync();
        });
        await using var harness = GatewayHarness.Create(gateway).Start();

        await AssertResumesAsync(gateway, expectedSequence: 2);

        var first = await gateway.ConnectionAsync(1);
        Assert.Equal(GatewayClosePolicy.ReconnectCloseCode, await first.WaitForEndAsync());
        await harness.WaitForStatusAsync(GatewayStatus.Ready);
        Assert.Equal(FakeDiscordGateway.SessionId, harness.Client.SessionId);
    }

    [Fact]
    public async Task Reconnect_request_before_hello_reconnects_and_identifies_when_there_is_no_session()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        gateway.Then(c => c.SendReconnectAsync());
        await using var harness = GatewayHarness.Create(gateway).Start();

        await AssertIdentifiesAnewOnTheGatewayUrlAsync(gateway, harness);

        Assert.Empty((await gateway.ConnectionAsync(1)).Received);
    }

    [Fact]
    public async Task Resumable_invalid_session_resumes()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        gateway.ThenStandardAnd(c => c.SendInvalidSessionAsync(resumable: true));
        await using var harness = GatewayHarness.Create(gateway).Start();

        await AssertResumesAsync(gateway, expectedSequence: 1);
    }

    [Fact]
    public async Task Invalid_session_not_resumable_identifies_anew_on_the_gateway_url_with_a_fresh_sequence()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        gateway.ThenStandardAnd(async c =>
        {
            await c.SendDispatchAsync("GUILD_CREATE", 5, new JsonObject { ["id"] = "400" });
            await c.SendInvalidSessionAsync(resumable: false);
        });
        gateway.Then(async c =>
        {
            await c.HelloAndIdentifyAsync(heartbeatIntervalMs: 100);
            await c.WaitForOpAsync(1);
            await c.SendReadyAsync(sequence: 1, sessionId: "sess-2");
        });
        await using var harness = GatewayHarness.Create(gateway).Start();

        var second = await gateway.ConnectionAsync(2);
        var heartbeat = await second.WaitForOpAsync(1);

        Assert.Equal("/", second.Path);
        Assert.Single(second.ReceivedOp(2));
        Assert.Empty(second.ReceivedOp(6));
        Assert.Null((long?)heartbeat["d"]);
        Assert.Equal(GatewayClosePolicy.ReconnectCloseCode, await (await gateway.ConnectionAsync(1)).WaitForEndAsync());
        await Eventually.WaitUntilAsync(() => harness.Client.SessionId == "sess-2", "the new session is ready");
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4005)]
    [InlineData(4008)]
    [InlineData(1001)]
    public async Task Resumable_close_codes_reconnect_and_resume(int closeCode)
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        gateway.ThenStandardAnd(async c =>
        {
            await c.SendDispatchAsync("GUILD_CREATE", 2, new JsonObject { ["id"] = "400" });
            await c.CloseAsync(closeCode, "test close");
        });
        await using var harness = GatewayHarness.Create(gateway).Start();

        await AssertResumesAsync(gateway, expectedSequence: 2);
        await harness.WaitForStatusAsync(GatewayStatus.Ready);
        Assert.Empty(harness.LogsAt(LogLevel.Error));
    }

    [Fact]
    public async Task Dropped_connection_without_a_close_code_resumes()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        gateway.ThenStandardAnd(async c =>
        {
            await _dropNow.Task;
            c.Drop();
        });
        await using var harness = GatewayHarness.Create(gateway).Start();
        await harness.WaitForStatusAsync(GatewayStatus.Ready);
        _dropNow.SetResult();

        await AssertResumesAsync(gateway, expectedSequence: 1);
    }

    [Fact]
    public async Task An_unreachable_resume_url_is_given_up_for_a_new_session_on_the_gateway_url()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        gateway.Then(async c =>
        {
            await c.HelloAndIdentifyAsync();
            var ready = c.Ready(FakeDiscordGateway.SessionId);
            ready["resume_gateway_url"] = "ws://127.0.0.1:1/";
            await c.SendDispatchAsync("READY", 1, ready);
            await c.CloseAsync(4000, "test close");
        });
        await using var harness = GatewayHarness.Create(gateway).Start();

        await AssertIdentifiesAnewOnTheGatewayUrlAsync(gateway, harness);
    }

    [Fact]
    public async Task A_bad_token_logs_no_token_even_when_discovery_fails_first()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        gateway.Then(async c =>
        {
            await c.HelloAndIdentifyAsync();
            await c.CloseAsync(4004, "Authentication failed.");
        });
        await using var harness = GatewayHarness.Create(gateway);
        harness.BotSource.FailNext = new HttpRequestException($"401 for Bot {FakeDiscordGateway.Token}");
        harness.Start();

        await harness.Running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(4004, harness.Client.StopReason?.CloseCode);
        Assert.Contains(harness.LogsAt(LogLevel.Warning), r => r.Message.Contains("GET /gateway/bot", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.LogLines, l => l.Contains(FakeDiscordGateway.Token, StringComparison.Ordinal));
        Assert.Single(harness.LogsAt(LogLevel.Error));
    }

    [Theory]
    [InlineData(4003)]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task Session_ending_close_codes_reconnect_and_identify(int closeCode)
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        gateway.ThenStandardAnd(c => c.CloseAsync(closeCode, "test close"));
        await using var harness = GatewayHarness.Create(gateway).Start();

        await AssertIdentifiesAnewOnTheGatewayUrlAsync(gateway, harness);

        Assert.Equal(2, harness.BotSource.Calls);
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task Fatal_close_codes_stop_discord_with_one_error_line_and_never_log_the_token(int closeCode)
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        gateway.Then(async c =>
        {
            await c.HelloAndIdentifyAsync();
            await c.CloseAsync(closeCode, "Authentication failed.");
        });
        await using var harness = GatewayHarness.Create(gateway).Start();

        await harness.Running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(GatewayStatus.Stopped, harness.Client.Status);
        Assert.Equal(closeCode, harness.Client.StopReason?.CloseCode);
        var error = Assert.Single(harness.LogsAt(LogLevel.Error));
        Assert.Contains(closeCode.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.LogsAt(LogLevel.Critical));
        Assert.DoesNotContain(harness.LogLines, l => l.Contains(FakeDiscordGateway.Token, StringComparison.Ordinal));
        Assert.Equal(1, gateway.ConnectionCount);
    }

    /// <summary>The second connection resumes the first one's session, on the resume URL, from <paramref name="expectedSequence"/>.</summary>
    private static async Task AssertResumesAsync(FakeDiscordGateway gateway, long expectedSequence)
    {
        var connection = await gateway.ConnectionAsync(2);
        var resume = await connection.WaitForOpAsync(6);

        Assert.Equal("/resume", connection.Path);
        Assert.Equal("10", connection.Query["v"]);
        Assert.Equal("json", connection.Query["encoding"]);
        Assert.Empty(connection.ReceivedOp(2));
        var d = resume["d"]!.AsObject();
        Assert.Equal(FakeDiscordGateway.Token, (string?)d["token"]);
        Assert.Equal(FakeDiscordGateway.SessionId, (string?)d["session_id"]);
        Assert.Equal(expectedSequence, (long?)d["seq"]);
    }

    /// <summary>The second connection identifies a new session on the gateway URL instead of resuming, and it becomes ready.</summary>
    private static async Task AssertIdentifiesAnewOnTheGatewayUrlAsync(FakeDiscordGateway gateway, GatewayHarness harness)
    {
        var connection = await gateway.ConnectionAsync(2);
        await connection.WaitForOpAsync(2);

        Assert.Equal("/", connection.Path);
        Assert.Empty(connection.ReceivedOp(6));
        await harness.WaitForStatusAsync(GatewayStatus.Ready);
    }
}
