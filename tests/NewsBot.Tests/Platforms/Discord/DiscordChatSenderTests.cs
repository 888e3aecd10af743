namespace NewsBot.Tests.Platforms.Discord;

public sealed class DiscordChatSenderTests : IAsyncLifetime
{
    private const string Channel = "500000000000000501";
    private static readonly Reply Hello = Reply.Text("Hello @everyone");

    private DiscordRestHarness _harness = null!;

    private FakeDiscordRest Server => _harness.Server;

    private DiscordChatSender Sender => new DiscordChatSender(_harness.Client, new DiscordAnnouncer(_harness.Client, NullLogger<DiscordAnnouncer>.Instance), _harness.Clock, NullLogger<DiscordChatSender>.Instance);

    public async Task InitializeAsync() => _harness = await DiscordRestHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Send_ToAChannel_PostsThereAndPingsNobody()
    {
        var outcome = await Sender.SendAsync(ChatAddress.Parse("discord:" + Channel), Hello, CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        var post = Assert.Single(Server.Calls("POST", $"/channels/{Channel}/messages"));
        Assert.Equal("Hello @everyone", (string?)post.Body!["content"]);
        Assert.Equal("""{"parse":[]}""", post.Body["allowed_mentions"]!.ToJsonString());
    }

    [Fact]
    public async Task Send_ToAPersonsDirectMessages_OpensTheDmChannelOnceAndPostsThere()
    {
        var chat = ChatAddress.Parse("discord:dm:600000000000000600");

        await Sender.SendAsync(chat, Hello, CancellationToken.None);
        var outcome = await Sender.SendAsync(chat, Hello, CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Single(Server.Calls("POST", "/users/@me/channels"));
        Assert.Equal(2, Server.Calls("POST", "/channels/7600000000000000600/messages").Count);
    }

    [Theory]
    [InlineData("telegram:5")]
    [InlineData("discord:general")]
    [InlineData("discord:dm:")]
    public async Task Send_ToAKeyThatIsNotADiscordChat_FailsForGoodWithoutARequest(string key)
    {
        var outcome = await Sender.SendAsync(ChatAddress.Parse(key), Hello, CancellationToken.None);

        Assert.Equal(new SendOutcome.PermanentFailure($"{key} is not a Discord chat (discord:<channel id>, discord:forum:<channel id> or discord:dm:<user id>)", ChatUnreachable: false), outcome);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Send_RouteRateLimit_IsRetryAfterForTheChatWithoutWaitingOrRetrying()
    {
        Server.Script($"POST /channels/{Channel}/messages", FakeDiscordAnswer.RateLimited(3.5));

        var outcome = await Sender.SendAsync(ChatAddress.Parse("discord:" + Channel), Hello, CancellationToken.None);

        Assert.Equal(new SendOutcome.RetryAfter(TimeSpan.FromSeconds(3.5), Global: false), outcome);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task Send_GlobalRateLimit_IsRetryAfterForTheWholeBot()
    {
        Server.Script($"POST /channels/{Channel}/messages", FakeDiscordAnswer.RateLimited(2, global: true, scope: "global"));

        var outcome = await Sender.SendAsync(ChatAddress.Parse("discord:" + Channel), Hello, CancellationToken.None);

        Assert.Equal(new SendOutcome.RetryAfter(TimeSpan.FromSeconds(2), Global: true), outcome);
    }

    [Theory]
    [InlineData(403, 50007, "the person does not accept direct messages from the bot")]
    [InlineData(404, 10003, "the channel no longer exists")]
    [InlineData(403, 50001, "the bot cannot see the channel (Missing Access)")]
    [InlineData(403, 50013, "the bot may not post there (Missing Permissions: Send Messages, Embed Links)")]
    public async Task Send_RefusedForGood_IsAPermanentFailureThatStopsDeliveryToTheChat(int status, int code, string reason)
    {
        Server.Script($"POST /channels/{Channel}/messages", FakeDiscordAnswer.Error(status, code, "refused"));

        var outcome = await Sender.SendAsync(ChatAddress.Parse("discord:" + Channel), Hello, CancellationToken.None);

        Assert.Equal(new SendOutcome.PermanentFailure(reason, ChatUnreachable: true), outcome);
    }

    [Fact]
    public async Task Send_OtherRefusal_IsAPermanentFailureThatKeepsTheChat()
    {
        Server.Script($"POST /channels/{Channel}/messages", FakeDiscordAnswer.Error(400, 50035, "Invalid Form Body"));

        var outcome = await Sender.SendAsync(ChatAddress.Parse("discord:" + Channel), Hello, CancellationToken.None);

        var failure = Assert.IsType<SendOutcome.PermanentFailure>(outcome);
        Assert.False(failure.ChatUnreachable);
        Assert.Contains("50035", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ServerErrorOrNetworkFailure_IsTransientAndTriedOnce()
    {
        Server.Script($"POST /channels/{Channel}/messages", FakeDiscordAnswer.BadGateway());
        var badGateway = await Sender.SendAsync(ChatAddress.Parse("discord:" + Channel), Hello, CancellationToken.None);

        await using var unreachable = await DiscordRestHarness.StartAsync();
        await unreachable.Server.DisposeAsync();
        var sender = new DiscordChatSender(unreachable.Client, new DiscordAnnouncer(unreachable.Client, NullLogger<DiscordAnnouncer>.Instance), unreachable.Clock, NullLogger<DiscordChatSender>.Instance);
        var network = await sender.SendAsync(ChatAddress.Parse("discord:" + Channel), Hello, CancellationToken.None);

        Assert.IsType<SendOutcome.TransientFailure>(badGateway);
        Assert.Single(Server.Requests);
        Assert.IsType<SendOutcome.TransientFailure>(network);
    }

    [Fact]
    public async Task Send_LongReply_GoesOutAsSeveralMessagesInOrder()
    {
        var reply = Reply.Text(string.Join(' ', Enumerable.Range(0, 1200).Select(i => "word" + i)));

        var outcome = await Sender.SendAsync(ChatAddress.Parse("discord:" + Channel), reply, CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        var posts = Server.Calls("POST", $"/channels/{Channel}/messages");
        Assert.True(posts.Count >= 4);
        Assert.All(posts, p => Assert.True(((string)p.Body!["content"]!).Length <= 2000));
        Assert.StartsWith("word0 ", (string)posts[0].Body!["content"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_RepeatedAfterAFailure_CarriesTheSameNonceSoDiscordPostsItOnce()
    {
        const string Other = "500000000000000502";
        await Sender.SendAsync(ChatAddress.Parse("discord:" + Channel), Hello, CancellationToken.None);
        await Sender.SendAsync(ChatAddress.Parse("discord:" + Channel), Hello, CancellationToken.None);
        await Sender.SendAsync(ChatAddress.Parse("discord:" + Other), Hello, CancellationToken.None);

        var posts = Server.Calls("POST", "/channels/").Select(r => r.Body!).ToList();
        Assert.All(posts, p => Assert.True((bool)p["enforce_nonce"]!));
        Assert.Equal((string?)posts[0]["nonce"], (string?)posts[1]["nonce"]);
        Assert.NotEqual((string?)posts[0]["nonce"], (string?)posts[2]["nonce"]);
        Assert.InRange(((string)posts[0]["nonce"]!).Length, 1, 25);
    }

    [Fact]
    public async Task Announcement_InAnAnnouncementChannel_IsPublishedToFollowers_ButPushesAndPlainChannelsAreNot()
    {
        const string News = "500000000000000505";
        const string Plain = "500000000000000506";
        Server.SetChannelType(News, 5);
        var announcement = Reply.Text("New release!") with { PublishToFollowers = true };

        Assert.IsType<SendOutcome.Sent>(await _harness.RunAsync(Sender.SendAsync(ChatAddress.Parse("discord:" + News), announcement, CancellationToken.None)));
        Assert.IsType<SendOutcome.Sent>(await _harness.RunAsync(Sender.SendAsync(ChatAddress.Parse("discord:" + Plain), announcement, CancellationToken.None)));
        Assert.IsType<SendOutcome.Sent>(await _harness.RunAsync(Sender.SendAsync(ChatAddress.Parse("discord:" + News), Reply.Text("An ordinary push"), CancellationToken.None)));

        var posts = Server.Calls("POST", $"/channels/{News}/messages").Where(r => !r.Path.EndsWith("/crosspost", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.True((bool)p.Body!["enforce_nonce"]!));
        Assert.Single(Server.Calls("POST", $"/channels/{News}/messages/"), r => r.Path.EndsWith("/crosspost", StringComparison.Ordinal));
        Assert.Single(Server.Calls("POST", $"/channels/{Plain}/messages"));
        Assert.DoesNotContain(Server.Requests, r => r.Path.StartsWith($"/channels/{Plain}/messages/", StringComparison.Ordinal));
    }
}
