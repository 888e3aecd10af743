using NewsBot.Tests.Commands;

namespace NewsBot.Tests.Subscriptions;

/// <summary>/subscriptions &lt;n&gt; silent|ping: typed in the terminal (or any chat), stored, listed, and carried by the outbox to the sender.</summary>
public sealed class PushOptionsTests : WireBotTest
{
    private const string Group = "telegram:-100";
    private readonly ScriptedSender _telegram = new();

    private Task<string?> SubscribeInGroupAsync(string text) =>
        Bot.SubscribeAsync(text, ChatKind.Group, isChatAdmin: true, user: "telegram:7", chat: Group);

    private Task<string?> InGroupAsync(string text, bool admin = true) =>
        Bot.SendAsync(text, ChatKind.Group, isChatAdmin: admin, user: "telegram:7", chat: Group);

    [Fact]
    public async Task SilentOn_IsListed_AndTheNextPushGoesWithoutASound()
    {
        await SubscribeInGroupAsync("/subscribe technology");

        var answer = await InGroupAsync("/subscriptions 1 silent on");
        var list = await InGroupAsync("/subscriptions");
        await Bot.IngestAsync(Wire, TestBot.Entry("Robot chef opens a kitchen"));
        await Bot.DispatchAsync(_telegram);

        Assert.Contains("arrives silently", answer, StringComparison.Ordinal);
        Assert.Contains("· silent", list, StringComparison.Ordinal);
        var (_, reply) = Assert.Single(_telegram.Attempts);
        Assert.True(reply.Silent);
        Assert.Empty(reply.MentionRoles);
    }

    [Fact]
    public async Task SilentOff_RingsAgain()
    {
        await SubscribeInGroupAsync("/subscribe technology");
        await InGroupAsync("/subscriptions 1 silent on");

        await InGroupAsync("/subscriptions #1 silent off");
        await Bot.IngestAsync(Wire, TestBot.Entry("Robot chef opens a kitchen"));
        await Bot.DispatchAsync(_telegram);

        Assert.False(Assert.Single(_telegram.Attempts).Reply.Silent);
        Assert.False(Assert.Single(await Bot.Get<ISubscriptionStore>().ListForChatAsync(Group, CancellationToken.None)).Options.Silent);
    }

    [Fact]
    public async Task AStoryTwoSubscriptionsMatch_RingsWhenEitherIsNotSilent()
    {
        await SubscribeInGroupAsync("/subscribe technology");
        await SubscribeInGroupAsync("/subscribe robot");
        await InGroupAsync("/subscriptions 1 silent on");

        await Bot.IngestAsync(Wire, TestBot.Entry("Robot chef opens a kitchen"));
        await Bot.DispatchAsync(_telegram);

        Assert.False(Assert.Single(_telegram.Attempts).Reply.Silent);
    }

    [Fact]
    public async Task PingOutsideDiscord_IsRefusedWithAReason_AndChangesNothing()
    {
        await SubscribeInGroupAsync("/subscribe technology");

        var answer = await InGroupAsync("/subscriptions 1 ping <@&123456789012345678>");

        Assert.Contains("Discord servers only", answer, StringComparison.Ordinal);
        Assert.True(Assert.Single(await Bot.Get<ISubscriptionStore>().ListForChatAsync(Group, CancellationToken.None)).Options.IsDefault);
    }

    [Theory]
    [MemberData(nameof(BadInputs.Of), "SubscriptionSettings", MemberType = typeof(BadInputs))]
    public async Task BadSettings_GetAMessageThatSaysWhatToType(string command, string expected)
    {
        await SubscribeInGroupAsync("/subscribe technology");

        var answer = await InGroupAsync(command);

        Assert.Contains(expected, answer, StringComparison.Ordinal);
        Assert.True(Assert.Single(await Bot.Get<ISubscriptionStore>().ListForChatAsync(Group, CancellationToken.None)).Options.IsDefault);
    }

    [Fact]
    public async Task AMemberWhoIsNotAnAdmin_MaySeeTheListButNotChangeIt()
    {
        await SubscribeInGroupAsync("/subscribe technology");

        var list = await InGroupAsync("/subscriptions", admin: false);
        var change = await InGroupAsync("/subscriptions 1 silent on", admin: false);

        Assert.Contains("#1", list, StringComparison.Ordinal);
        Assert.Contains("Only this chat's admins", change, StringComparison.Ordinal);
        Assert.False(Assert.Single(await Bot.Get<ISubscriptionStore>().ListForChatAsync(Group, CancellationToken.None)).Options.Silent);
    }

    [Fact]
    public async Task AnotherChatsSubscription_CannotBeChanged()
    {
        await SubscribeInGroupAsync("/subscribe technology");

        var answer = await Bot.SendAsync("/subscriptions 1 silent on", chat: "telegram:5", user: "telegram:5");

        Assert.Contains("no subscription #1", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADigest_IsSilentAndMentionsLikeItsSubscription()
    {
        var subscription = await Bot.Get<SubscriptionService>().AddAsync(
            new Subscription(0, Group, SubscriptionKind.Topic, "technology", DeliveryMode.Daily, new TimeOnly(8, 0), "discord:7", TestBot.Now) { Options = new PushOptions(true, "123456789012345678", "news") },
            CancellationToken.None);

        var reply = DigestComposer.For(subscription, [], 0, LanguageCatalog.Default.For("en"));

        Assert.True(reply.Silent);
        Assert.Equal(["123456789012345678"], reply.MentionRoles);
    }
}
