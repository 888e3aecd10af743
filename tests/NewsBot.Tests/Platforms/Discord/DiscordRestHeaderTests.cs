namespace NewsBot.Tests.Platforms.Discord;

/// <summary>Rate-limit headers and bodies that are odd, absurd or given only in their epoch form.</summary>
public sealed class DiscordRestHeaderTests : DiscordRestTests
{
    private const string One = "100000000000000001";

    [Fact]
    public async Task ResetEpochWithoutResetAfter_IsReadOnTheInjectedClock()
    {
        var resetAt = Harness.Clock.GetUtcNow() + TimeSpan.FromSeconds(2);
        var reset = resetAt.ToUnixTimeMilliseconds() / 1000.0;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-RateLimit-Bucket"] = "abc",
            ["X-RateLimit-Limit"] = "1",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture),
        };
        Server.Script($"POST /channels/{One}/messages", new FakeDiscordAnswer(0, Headers: headers));

        await Post("first");
        await Post("second");

        var times = Server.Calls("POST", $"/channels/{One}/messages").Select(r => r.At).ToList();
        // Measured against the reset the first answer named, not against the first send: the
        // harness moves the clock on while the first call runs, by however long that takes.
        Assert.True(times[1] >= resetAt, $"second came {(resetAt - times[1]).TotalMilliseconds} ms before the bucket's reset");
    }

    [Fact]
    public async Task AbsurdRetryAfterInA429_IsHandedBackAsARateLimitNotAnOverflow()
    {
        var body = new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = 1e300, ["global"] = false }.ToJsonString();
        Server.Script($"POST /channels/{One}/messages", new FakeDiscordAnswer(429, body));

        var limited = await Assert.ThrowsAsync<DiscordRateLimitedException>(() => Post("hello"));

        Assert.True(limited.RetryAfter >= TimeSpan.FromHours(1));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("1e300")]
    [InlineData("-5")]
    public async Task UnusableResetAfterHeader_IsIgnoredInsteadOfFailingTheRequest(string resetAfter)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-RateLimit-Bucket"] = "abc",
            ["X-RateLimit-Limit"] = "5",
            ["X-RateLimit-Remaining"] = "4",
            ["X-RateLimit-Reset-After"] = resetAfter,
        };
        Server.Script($"POST /channels/{One}/messages", new FakeDiscordAnswer(0, Headers: headers));

        var id = await Post("hello");
        await Post("again");

        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal(2, Server.Calls("POST", $"/channels/{One}/messages").Count);
    }

    [Fact]
    public async Task DirectMessageChannels_AreRememberedUpToTheConfiguredNumberOfPeople()
    {
        await using var harness = await DiscordRestHarness.StartAsync(DiscordRestHarness.FastTuning with { DmChannelCacheSize = 2 });

        for (var person = 0; person < 5; person++)
        {
            await harness.RunAsync(harness.Client.GetDmChannelAsync($"60000000000000060{person}", patient: true, CancellationToken.None));
            Assert.InRange(harness.Client.RememberedDmChannels, 1, 2);
        }

        await harness.RunAsync(harness.Client.GetDmChannelAsync("600000000000000604", patient: true, CancellationToken.None));
        Assert.Equal(5, harness.Server.Calls("POST", "/users/@me/channels").Count);
    }

    [Fact]
    public async Task DirectMessageChannelWithoutAUsableId_IsARefusalAndIsNotRemembered()
    {
        Server.Script("POST /users/@me/channels", new FakeDiscordAnswer(200, """{"id":"../../channels/1"}"""));

        await Assert.ThrowsAsync<DiscordApiException>(() => Harness.RunAsync(Client.GetDmChannelAsync("600000000000000600", patient: true, CancellationToken.None)));

        Assert.Equal(0, Client.RememberedDmChannels);
    }

    private Task<string> Post(string text) =>
        Harness.RunAsync(Client.CreateMessageAsync(One, new DiscordMessage { Content = text }, patient: true, CancellationToken.None));
}
