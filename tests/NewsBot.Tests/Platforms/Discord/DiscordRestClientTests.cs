namespace NewsBot.Tests.Platforms.Discord;

public sealed class DiscordRestClientTests : DiscordRestTests
{
    private const string One = "100000000000000001";
    private const string Two = "100000000000000002";

    [Fact]
    public async Task EveryRequest_CarriesBotAuthorizationUserAgentAndJsonContentType()
    {
        await Post(One, "hello");
        await Harness.RunAsync(Client.GetChannelAsync(One, CancellationToken.None));

        var post = Server.Requests[0];
        var get = Server.Requests[1];
        Assert.All(Server.Requests, r => Assert.Equal("Bot " + FakeDiscordRest.Token, r.Authorization));
        Assert.All(Server.Requests, r => Assert.Matches(@"^DiscordBot \(https?://\S+, [0-9.]+\)$", r.UserAgent));
        Assert.StartsWith("application/json", post.ContentType, StringComparison.Ordinal);
        Assert.Null(get.ContentType);
    }

    [Fact]
    public async Task ExhaustedBucket_WaitsForTheResetBeforeTheNextRequest()
    {
        var route = $"POST /channels/{One}/messages";
        Server.Script(route, FakeDiscordAnswer.WithBucket("abc", 2, 1, 0.5), FakeDiscordAnswer.WithBucket("abc", 2, 0, 0.5));

        await Post(One, "first");
        await Post(One, "second");
        await Post(One, "third");

        var times = Server.Calls("POST", $"/channels/{One}/messages").Select(r => r.At).ToList();
        Assert.Equal(3, times.Count);
        Assert.True(times[2] - times[1] >= TimeSpan.FromSeconds(0.5), $"third came {(times[2] - times[1]).TotalMilliseconds} ms after the second");
    }

    [Fact]
    public async Task ExhaustedChannel_DoesNotHoldBackAnotherChannelInTheSameBucket()
    {
        Server.Script($"POST /channels/{One}/messages", FakeDiscordAnswer.WithBucket("abc", 5, 0, 2));
        Server.Script($"POST /channels/{Two}/messages", FakeDiscordAnswer.WithBucket("abc", 5, 4, 2));
        await Post(One, "fills channel one");
        await Post(Two, "channel two, first");

        var waiting = Client.CreateMessageAsync(One, Text("channel one must wait"), patient: true, CancellationToken.None);
        // The clock stands still: channel two goes through while channel one waits for its reset.
        await Client.CreateMessageAsync(Two, Text("channel two, second"), patient: true, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        Assert.Single(Server.Calls("POST", $"/channels/{One}/messages"));

        await Harness.RunAsync(waiting);
        var one = Server.Calls("POST", $"/channels/{One}/messages");
        Assert.True(one[1].At - one[0].At >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task RoutesSharingABucket_WaitOnTheSameStateOnceDiscordNamesIt()
    {
        const string Message = "100000000000000009";
        Server.Script($"POST /channels/{One}/messages", FakeDiscordAnswer.WithBucket("xyz", 1, 1, 1));
        Server.Script($"POST /channels/{One}/messages/{Message}/crosspost", FakeDiscordAnswer.WithBucket("xyz", 1, 0, 1));

        await Harness.RunAsync(Client.CreateMessageAsync(One, Text("post"), patient: true, CancellationToken.None));
        await Harness.RunAsync(Client.CrosspostAsync(One, Message, CancellationToken.None));
        await Harness.RunAsync(Client.CreateMessageAsync(One, Text("post again"), patient: true, CancellationToken.None));

        var crosspost = Server.Calls("POST", $"/channels/{One}/messages/{Message}/crosspost").Single();
        var secondPost = Server.Requests.Where(r => r.Method == "POST" && r.Path == $"/channels/{One}/messages").ElementAt(1);
        Assert.True(secondPost.At - crosspost.At >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task NewRoute_LetsOneRequestThroughUntilItsHeadersAreKnown()
    {
        var release = new TaskCompletionSource();
        Server.Script($"POST /channels/{One}/messages", new FakeDiscordAnswer(0, Headers: FakeDiscordAnswer.Bucket("abc", 5, 4, 1), Hold: release.Task));

        var first = Client.CreateMessageAsync(One, Text("held"), patient: true, CancellationToken.None);
        var second = Client.CreateMessageAsync(One, Text("queued"), patient: true, CancellationToken.None);
        await Server.WaitForArrivalsAsync(1);
        // Nothing between the limiter and the socket yields: had the second been let through, it
        // would have left the client before CreateMessageAsync returned.
        Assert.Single(Harness.SentAt);
        Assert.False(second.IsCompleted);

        release.SetResult();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, Server.MaxInFlight($"/channels/{One}/messages"));
        Assert.Equal(2, Server.Calls("POST", $"/channels/{One}/messages").Count);
    }

    [Fact]
    public async Task RouteRateLimit_IsWaitedOutForRetryAfterThenTheRequestSucceedsAndCountsAsInvalid()
    {
        Server.Script($"POST /channels/{One}/messages", FakeDiscordAnswer.RateLimited(0.3));

        var id = await Post(One, "hello");

        Assert.NotEmpty(id);
        AssertSentAfterOneRateLimitedTry(TimeSpan.FromSeconds(0.3));
        Assert.Equal(1, Harness.Guard.Count);
    }

    [Fact]
    public async Task RouteRateLimit_WaitedOut_IsCountedWithItsWaitInTheMetrics()
    {
        using var hits = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<long>(Harness.Metrics.Meter, "newsbot.rate_limit.hits");
        using var waited = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<double>(Harness.Metrics.Meter, "newsbot.rate_limit.wait");
        Server.Script($"POST /channels/{One}/messages", FakeDiscordAnswer.RateLimited(0.3));

        await Post(One, "hello");

        var hit = Assert.Single(hits.GetMeasurementSnapshot());
        Assert.Equal("discord", hit.Tags["platform"]);
        Assert.Equal("chat", hit.Tags["scope"]);
        Assert.Equal(0.3, Assert.Single(waited.GetMeasurementSnapshot()).Value, precision: 3);
    }

    [Fact]
    public async Task GlobalRateLimit_PausesEveryRouteForRetryAfter()
    {
        Server.Script($"POST /channels/{One}/messages", FakeDiscordAnswer.RateLimited(0.4, global: true, scope: "global"));
        var limited = Client.CreateMessageAsync(One, Text("limited"), patient: false, CancellationToken.None);
        var error = await Assert.ThrowsAsync<DiscordRateLimitedException>(() => limited);
        Assert.True(error.Global);

        await Post(Two, "another channel");

        var first = Server.Requests[0];
        var other = Server.Calls("POST", $"/channels/{Two}/messages").Single();
        Assert.True(other.At - first.At >= TimeSpan.FromSeconds(0.4));
    }

    [Fact]
    public async Task SharedScopeRateLimit_IsWaitedOutWithoutCountingAsInvalid()
    {
        Server.Script($"POST /channels/{One}/messages", FakeDiscordAnswer.RateLimited(0.5, scope: "shared"));

        await Post(One, "hello");

        AssertSentAfterOneRateLimitedTry(TimeSpan.FromSeconds(0.5));
        Assert.Equal(0, Harness.Guard.Count);
    }

    [Fact]
    public async Task HtmlRateLimit_WaitsTheRetryAfterHeaderWithoutReadingJson()
    {
        Server.Script($"POST /channels/{One}/messages", FakeDiscordAnswer.HtmlRateLimited(2));

        await Post(One, "hello");

        AssertSentAfterOneRateLimitedTry(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task ImpatientSend_HandsTheRateLimitBackWithoutWaitingOrRetrying()
    {
        Server.Script($"POST /channels/{One}/messages", FakeDiscordAnswer.RateLimited(7));

        var error = await Assert.ThrowsAsync<DiscordRateLimitedException>(
            () => Client.CreateMessageAsync(One, Text("hello"), patient: false, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.False(error.Global);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task Unauthorized_ShutsDiscordDownWithOneLogLineThatHoldsNoToken()
    {
        Server.Script($"POST /channels/{One}/messages", new FakeDiscordAnswer(401, """{"message":"401: Unauthorized","code":0}"""));

        var first = await Assert.ThrowsAsync<DiscordUnavailableException>(() => Post(One, "hello"));
        var second = await Assert.ThrowsAsync<DiscordUnavailableException>(() => Post(Two, "hello again"));
        await Assert.ThrowsAsync<DiscordUnavailableException>(() => Client.GetGatewayBotAsync(CancellationToken.None));

        Assert.False(first.IsTransient);
        Assert.False(second.IsTransient);
        Assert.True(Harness.Shutdown.IsShutDown);
        Assert.True(Harness.Shutdown.Token.IsCancellationRequested);
        Assert.Single(Server.Requests);
        var critical = Assert.Single(Harness.Logs.Collector.GetSnapshot(), r => r.Level == LogLevel.Critical);
        Assert.Contains("401", critical.Message, StringComparison.Ordinal);
        Assert.All(Harness.Logs.Collector.GetSnapshot(), r => Assert.DoesNotContain(FakeDiscordRest.Token, r.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(FakeDiscordRest.Token, first.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403, 50013, "Missing Permissions", "MissingPermissions")]
    [InlineData(404, 10003, "Unknown Channel", "UnknownChannel")]
    [InlineData(403, 50007, "Cannot send messages to this user", "CannotMessageUser")]
    [InlineData(403, 50001, "Missing Access", "MissingAccess")]
    [InlineData(404, 10062, "Unknown interaction", "UnknownInteraction")]
    [InlineData(400, 40060, "Interaction has already been acknowledged", "AlreadyAcknowledged")]
    [InlineData(400, 50035, "Invalid Form Body", "InvalidRequest")]
    public async Task Refusal_IsATypedErrorAndIsNotRetried(int status, int code, string message, string failure)
    {
        Server.Script($"POST /channels/{One}/messages", FakeDiscordAnswer.Error(status, code, message));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => Post(One, "hello"));

        Assert.Equal(status, error.Status);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.DiscordMessage);
        Assert.Equal(failure, error.Failure.ToString());
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task BadGateway_IsRetriedWithGrowingBackoffThenSucceeds()
    {
        Server.Script($"POST /channels/{One}/messages", FakeDiscordAnswer.BadGateway(), FakeDiscordAnswer.BadGateway());

        var id = await Post(One, "hello");

        Assert.NotEmpty(id);
        var calls = Server.Calls("POST", $"/channels/{One}/messages");
        Assert.Equal([502, 502, 200], calls.Select(c => c.Status));
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(200));
        Assert.True(calls[2].At - calls[1].At >= TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task ServerErrors_AreRetriedABoundedNumberOfTimes()
    {
        Server.Script($"GET /channels/{One}", Enumerable.Range(0, 10).Select(_ => FakeDiscordAnswer.BadGateway()).ToArray());

        var error = await Assert.ThrowsAsync<DiscordUnavailableException>(() => Harness.RunAsync(Client.GetChannelAsync(One, CancellationToken.None)));

        Assert.True(error.IsTransient);
        Assert.Equal(1 + DiscordRestHarness.FastTuning.ServerErrorRetries, Server.Requests.Count);
    }

    [Fact]
    public async Task InternalErrorOnAPostWithoutNonce_IsNotSentTwice()
    {
        Server.Script($"POST /channels/{One}/messages", new FakeDiscordAnswer(500, """{"message":"500: Internal Server Error","code":0}"""));

        await Assert.ThrowsAsync<DiscordUnavailableException>(() => Post(One, "hello"));

        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task TimedOutPostWithoutNonce_IsNotSentAgainButATimedOutReadIs()
    {
        await using var harness = await DiscordRestHarness.StartAsync(DiscordRestHarness.FastTuning with { RequestTimeout = TimeSpan.FromMilliseconds(300), ServerErrorRetries = 1 });
        var never = new TaskCompletionSource();
        harness.Server.Script($"POST /channels/{One}/messages", new FakeDiscordAnswer(0, Hold: never.Task));
        harness.Server.Script($"GET /channels/{One}", new FakeDiscordAnswer(0, Hold: never.Task));

        var post = await Assert.ThrowsAsync<DiscordUnavailableException>(
            () => harness.RunAsync(harness.Client.CreateMessageAsync(One, Text("x"), patient: true, CancellationToken.None)));
        var channel = await harness.RunAsync(harness.Client.GetChannelAsync(One, CancellationToken.None));

        Assert.True(post.IsTransient);
        Assert.Contains("timed out", post.Message, StringComparison.Ordinal);
        Assert.Equal(One, channel.Id);
        // Both calls are over, so what left the client is final: the post once, the read twice.
        Assert.Equal(3, harness.SentAt.Count);
        await harness.Server.WaitForArrivalsAsync(3);
        Assert.Equal(3, harness.Server.Arrivals);
    }

    [Fact]
    public async Task InvalidRequestGuard_StopsSendingBeforeDiscordWould()
    {
        await using var harness = await DiscordRestHarness.StartAsync(DiscordRestHarness.FastTuning with { InvalidRequestLimit = 3 });
        harness.Server.Script($"POST /channels/{One}/messages", Enumerable.Range(0, 5).Select(_ => FakeDiscordAnswer.Error(403, 50013, "Missing Permissions")).ToArray());
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<DiscordApiException>(() => harness.Client.CreateMessageAsync(One, Text("x"), patient: true, CancellationToken.None));
        }

        var stopped = await Assert.ThrowsAsync<DiscordRateLimitedException>(() => harness.Client.CreateMessageAsync(Two, Text("x"), patient: true, CancellationToken.None));

        Assert.True(stopped.Global);
        Assert.True(stopped.RetryAfter > TimeSpan.Zero);
        Assert.Equal(3, harness.Server.Requests.Count);
        Assert.Single(harness.Logs.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
    }

    [Fact]
    public async Task GlobalCeiling_LetsAtMostFiftyRequestsIntoAnySecond()
    {
        var sends = Enumerable.Range(0, 120)
            .Select(i => Client.CreateMessageAsync((200000000000000000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Text("x"), patient: true, CancellationToken.None))
            .ToList();

        // The clock stands still: the seventy beyond the ceiling each wait for the window to move on.
        await Harness.Clock.WaitForWaitsAsync(w => w == TimeSpan.FromSeconds(1), 70, "seventy sends waiting for the next second");
        await Server.WaitForArrivalsAsync(50);
        Assert.Equal(50, Server.Arrivals);
        Assert.Equal(50, Harness.SentAt.Count);

        await Harness.RunAsync(Task.WhenAll(sends));
        // Send times, not arrival times: on a busy machine the fake clock moves on while a request
        // is still in transit, which would make two arrivals look closer than the sends were.
        var times = Harness.SentAt.Order().ToList();
        Assert.Equal(120, times.Count);
        for (var i = 50; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - 50] >= TimeSpan.FromSeconds(1), $"request {i} left within a second of request {i - 50}");
        }
    }

    [Fact]
    public async Task DirectMessageChannel_IsOpenedOncePerPerson()
    {
        var first = await Harness.RunAsync(Client.GetDmChannelAsync("600000000000000600", patient: true, CancellationToken.None));
        var second = await Harness.RunAsync(Client.GetDmChannelAsync("600000000000000600", patient: true, CancellationToken.None));

        Assert.Equal(first, second);
        var open = Assert.Single(Server.Calls("POST", "/users/@me/channels"));
        Assert.Equal("600000000000000600", (string?)open.Body!["recipient_id"]);
    }

    [Fact]
    public async Task GatewayBot_ReadsTheUrlAndSessionStartLimit()
    {
        var info = await Harness.RunAsync(Client.GetGatewayBotAsync(CancellationToken.None));

        Assert.Equal("ws", info.Url.Scheme);
        Assert.Equal(999, info.SessionStartLimit.Remaining);
        Assert.Equal(TimeSpan.FromHours(4), info.SessionStartLimit.ResetAfter);
        Assert.Equal(1, info.SessionStartLimit.MaxConcurrency);
    }

    [Fact]
    public async Task OversizedMessage_IsRefusedBeforeAnyRequest()
    {
        var message = new DiscordMessage { Content = new string('x', 2001) };

        await Assert.ThrowsAsync<ArgumentException>(() => Client.CreateMessageAsync(One, message, patient: true, CancellationToken.None));

        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task EveryMessage_IsSentWithAnEmptyMentionParseList()
    {
        await Post(One, "@everyone look");

        var mentions = Server.Requests.Single().Body!["allowed_mentions"];
        Assert.Equal("""{"parse":[]}""", mentions!.ToJsonString());
    }

    private static DiscordMessage Text(string text) => new() { Content = text };

    /// <summary>The message to <see cref="One"/> was refused once as rate limited, then sent no sooner than <paramref name="wait"/> later.</summary>
    private void AssertSentAfterOneRateLimitedTry(TimeSpan wait)
    {
        var calls = Server.Calls("POST", $"/channels/{One}/messages");
        Assert.Equal([429, 200], calls.Select(c => c.Status));
        Assert.True(calls[1].At - calls[0].At >= wait);
    }

    private Task<string> Post(string channel, string text) =>
        Harness.RunAsync(Client.CreateMessageAsync(channel, Text(text), patient: true, CancellationToken.None));
}
