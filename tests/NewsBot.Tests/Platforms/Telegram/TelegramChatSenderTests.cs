using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace NewsBot.Tests.Platforms.Telegram;

public sealed class TelegramChatSenderTests(TelegramBotFixture fixture) : IClassFixture<TelegramBotFixture>
{
    private static readonly Reply Hello = Reply.Text("Hello & welcome");

    private FakeTelegramServer Telegram => fixture.Telegram;

    private IChatSender Sender => fixture.Bot.Get<IEnumerable<IChatSender>>().Single(s => s.Platform == "telegram");

    [Fact]
    public async Task Send_Delivered_IsSent()
    {
        var outcome = await Sender.SendAsync(ChatAddress.Parse("telegram:5001"), Hello, CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        var sent = await Telegram.WaitForSendAsync(5001);
        Assert.Equal("Hello &amp; welcome", sent.Text);
    }

    [Fact]
    public async Task Send_ChannelByUsername_UsesTheNameAsChatId()
    {
        var outcome = await Sender.SendAsync(ChatAddress.Parse("telegram:@newsbot_channel"), Hello, CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Contains(Telegram.Calls("sendMessage"), r => r.Body["chat_id"]!.ToJsonString() == "\"@newsbot_channel\"");
    }

    [Fact]
    public async Task Send_FloodLimit_IsRetryAfterWithoutWaitingOrRetrying()
    {
        Telegram.Fail("sendMessage", TelegramFailure.TooManyRequests(30));

        var outcome = await Sender.SendAsync(ChatAddress.Parse("telegram:5002"), Hello, CancellationToken.None);

        Assert.Equal(new SendOutcome.RetryAfter(TimeSpan.FromSeconds(30), Global: false), outcome);
        Assert.Single(Telegram.Calls("sendMessage"), r => r.ChatId == 5002);
    }

    [Fact]
    public async Task Send_ToAForumTopic_GoesToItsGroupWithItsThreadId()
    {
        var outcome = await Sender.SendAsync(ChatAddress.Parse("telegram:-1001000005005:77"), Hello, CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        var sent = await Telegram.WaitForSendAsync(-1001000005005);
        Assert.Equal(77, (int?)sent.Body["message_thread_id"]);
    }

    [Fact]
    public async Task Send_ToATopicKeyThatIsNotANumber_IsRefusedWithoutAsking()
    {
        var outcome = await Sender.SendAsync(ChatAddress.Parse("telegram:-1001000005006:general"), Hello, CancellationToken.None);

        Assert.Equal(new SendOutcome.PermanentFailure("telegram:-1001000005006:general is not a Telegram chat", ChatUnreachable: false), outcome);
        Assert.DoesNotContain(Telegram.Calls("sendMessage"), r => r.ChatId == -1001000005006);
    }

    [Theory]
    [InlineData(403, "Forbidden: bot was blocked by the user", "blocked by the user", true)]
    [InlineData(403, "Forbidden: bot was kicked from the group chat", "removed from the chat", true)]
    [InlineData(403, "Forbidden: user is deactivated", "the user's account is deleted", true)]
    [InlineData(400, "Bad Request: chat not found", "chat not found", true)]
    [InlineData(400, "Bad Request: not enough rights to send text messages to the chat", "no rights to post in the chat", false)]
    [InlineData(400, "Bad Request: TOPIC_CLOSED", "the forum topic is closed", true)]
    [InlineData(400, "Bad Request: message thread not found", "the forum topic was deleted", true)]
    [InlineData(400, "Bad Request: TOPIC_DELETED", "the forum topic was deleted", true)]
    public async Task Send_RefusedForGood_IsAPermanentFailure(int code, string description, string reason, bool unreachable)
    {
        var chat = 5100 + Math.Abs(description.GetHashCode(StringComparison.Ordinal) % 100);
        Telegram.Fail("sendMessage", TelegramFailure.Api(code, description));

        var outcome = await Sender.SendAsync(ChatAddress.Parse($"telegram:{chat}"), Hello, CancellationToken.None);

        Assert.Equal(new SendOutcome.PermanentFailure(reason, unreachable), outcome);
    }

    [Fact]
    public async Task Send_ServerErrorOrDroppedConnection_IsTransient()
    {
        Telegram.Fail("sendMessage", TelegramFailure.ServerError());
        var first = await Sender.SendAsync(ChatAddress.Parse("telegram:5201"), Hello, CancellationToken.None);
        Telegram.Fail("sendMessage", TelegramFailure.DropConnection());
        var second = await Sender.SendAsync(ChatAddress.Parse("telegram:5202"), Hello, CancellationToken.None);
        Telegram.Fail("sendMessage", TelegramFailure.BadGateway());
        var third = await Sender.SendAsync(ChatAddress.Parse("telegram:5203"), Hello, CancellationToken.None);

        Assert.IsType<SendOutcome.TransientFailure>(first);
        Assert.IsType<SendOutcome.TransientFailure>(second);
        Assert.IsType<SendOutcome.TransientFailure>(third);
    }

    [Fact]
    public async Task Send_GroupUpgradedToSupergroup_MovesSubscriptionsAndDeliversThere()
    {
        var group = ChatAddress.Parse("telegram:-5301");
        await fixture.Bot.Get<ChatLifecycle>().ReactivateAsync(group, ChatKind.Group, "Readers", CancellationToken.None);
        await fixture.Bot.Get<SubscriptionService>().AddAsync(new Subscription(0, group.Key, SubscriptionKind.Topic, "science", DeliveryMode.Instant, null, "telegram:1", TestBot.Now), CancellationToken.None);
        Telegram.Fail("sendMessage", TelegramFailure.Api(400, "Bad Request: group chat was upgraded to a supergroup chat", migrateTo: -1005301));

        var outcome = await Sender.SendAsync(group, Hello, CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        await Telegram.WaitForSendAsync(-1005301);
        Assert.Single(await fixture.Bot.Get<ISubscriptionStore>().ListForChatAsync("telegram:-1005301", CancellationToken.None));
    }

    [Fact]
    public async Task Send_NotATelegramChat_IsAPermanentFailure()
    {
        var outcome = await Sender.SendAsync(ChatAddress.Parse("discord:1"), Hello, CancellationToken.None);

        Assert.IsType<SendOutcome.PermanentFailure>(outcome);
    }

    [Fact]
    public void Classify_RequestException_IsTransient_AndApi5xxToo()
    {
        Assert.IsType<SendOutcome.TransientFailure>(TelegramErrors.Classify(new RequestException("Bot API Service Failure")));
        Assert.IsType<SendOutcome.TransientFailure>(TelegramErrors.Classify(new ApiRequestException("Bad Gateway", 502)));
        Assert.Equal(
            new SendOutcome.RetryAfter(TimeSpan.FromSeconds(7), false),
            TelegramErrors.Classify(new ApiRequestException("Too Many Requests: retry after 7", 429, new ResponseParameters { RetryAfter = 7 })));
    }
}
