namespace NewsBot.Tests.Platforms.Telegram;

/// <summary>
/// A channel managed from its admin's private chat, through the whole bot against the fake Bot
/// API: getChatMember on the channel for the person and the bot at every use, pushes and digests
/// in the channel, and each refusal in words that say what to fix.
/// </summary>
public sealed class TelegramChannelTests : FakeClockTelegramTests
{
    private const long Person = 7;
    private const long Channel = -1001000001001;
    private static readonly string ChannelKey = "telegram:" + Channel.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task ChannelAdmin_SubscribesTheChannelFromTheirPrivateChat_AndThePushGoesToTheChannel()
    {
        ChannelWhereBothMayPost();
        await using var bot = await StartBotAsync();

        var answer = await AskAsync("/subscribe @techdaily glacier");

        Assert.Contains("Channel “Tech Daily”:", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Subscribed (#1): words glacier", answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Buttons, b => b.Data == "/unsubscribe " + Channel.ToString(CultureInfo.InvariantCulture) + " 1");
        Assert.Contains(BotApi.Calls("getChatMember"), r => r.ChatId == Channel && (long?)r.Body["user_id"] == Person);
        Assert.Contains(BotApi.Calls("getChatMember"), r => r.ChatId == Channel && (long?)r.Body["user_id"] == FakeTelegramServer.BotId);
        Assert.Equal("glacier", Assert.Single(await bot.Get<ISubscriptionStore>().ListForChatAsync(ChannelKey, CancellationToken.None)).Query);
        Assert.Empty(await bot.Get<ISubscriptionStore>().ListForChatAsync("telegram:7", CancellationToken.None));
        var record = bot.Get<ChatLifecycle>().Find(ChatAddress.Parse(ChannelKey));
        Assert.Equal((ChatKind.Channel, "Tech Daily", true), (record?.Kind, record?.Title, record?.Active));

        await bot.Get<ArticleIngestor>().IngestAsync(Wire, [TestBot.Entry("Glacier survey finds a fifth of the ice gone")], CancellationToken.None);

        var push = await BotApi.WaitForSendAsync(Channel);
        Assert.Contains("Glacier survey finds a fifth of the ice gone", push.Text, StringComparison.Ordinal);
        Assert.All(push.Buttons, b => Assert.NotNull(b.Url));
    }

    [Fact]
    public async Task AChannelsPreview_TellsTheTypedConfirmWithTheChannel_AndThatConfirmSubscribesTheChannel()
    {
        ChannelWhereBothMayPost();
        await using var bot = await StartBotAsync();
        var channel = Channel.ToString(CultureInfo.InvariantCulture);

        var preview = await SayAsync("/subscribe @techdaily glacier");
        Assert.Contains($"/subscribe {channel} confirm 1", preview.Text, StringComparison.Ordinal);

        var answer = await SayAsync($"/subscribe {channel} confirm 1");

        Assert.Contains("Subscribed (#1): words glacier", answer.Text, StringComparison.Ordinal);
        Assert.Equal("glacier", Assert.Single(await bot.Get<ISubscriptionStore>().ListForChatAsync(ChannelKey, CancellationToken.None)).Query);
        Assert.Empty(await bot.Get<ISubscriptionStore>().ListForChatAsync("telegram:7", CancellationToken.None));
    }

    [Fact]
    public async Task ListAndUnsubscribe_NameTheChannelByItsId_AndActOnItOnly()
    {
        ChannelWhereBothMayPost();
        await using var bot = await StartBotAsync();
        await AskAsync("/subscribe @techdaily glacier");
        await AskAsync("/subscribe volcano");

        var list = await AskAsync("/subscriptions -1001000001001");
        Assert.Contains("Channel “Tech Daily”:", list.Text, StringComparison.Ordinal);
        Assert.Contains("glacier", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("volcano", list.Text, StringComparison.Ordinal);

        var stopped = await AskAsync("/unsubscribe -1001000001001 1");
        Assert.Contains("Stopped #1 (words glacier", stopped.Text, StringComparison.Ordinal);
        Assert.Empty(await bot.Get<ISubscriptionStore>().ListForChatAsync(ChannelKey, CancellationToken.None));
        Assert.Single(await bot.Get<ISubscriptionStore>().ListForChatAsync("telegram:7", CancellationToken.None));
    }

    [Fact]
    public async Task SomeoneWhoDoesNotAdministerTheChannel_IsRefused_AndNothingIsSubscribed()
    {
        ChannelWhereBothMayPost();
        BotApi.SetMember(Channel, Person, "member");
        await using var bot = await StartBotAsync();

        var answer = await AskAsync("/subscribe @techdaily glacier");
        var list = await AskAsync("/subscriptions @techdaily");

        Assert.Contains("Only the admins of Tech Daily who may post there", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Only the admins of Tech Daily who may post there", list.Text, StringComparison.Ordinal);
        Assert.Empty(await bot.Get<ISubscriptionStore>().ListForChatAsync(ChannelKey, CancellationToken.None));
        Assert.Empty(await bot.Get<ISubscriptionStore>().ListForChatAsync("telegram:7", CancellationToken.None));
    }

    [Fact]
    public async Task AnAdminWhoMayNotPost_IsRefusedToo()
    {
        ChannelWhereBothMayPost();
        BotApi.SetAdmin(Channel, Person, canPost: false);
        await using var bot = await StartBotAsync();

        var answer = await AskAsync("/subscribe @techdaily glacier");

        Assert.Contains("Only the admins of Tech Daily who may post there", answer.Text, StringComparison.Ordinal);
        Assert.Empty(await bot.Get<ISubscriptionStore>().ListForChatAsync(ChannelKey, CancellationToken.None));
    }

    [Fact]
    public async Task AChannelWhereTheBotMayNotPost_IsRefusedWithWhatToFix()
    {
        ChannelWhereBothMayPost();
        BotApi.SetAdmin(Channel, FakeTelegramServer.BotId, canPost: false);
        await using var bot = await StartBotAsync();

        var answer = await AskAsync("/subscribe @techdaily glacier");

        Assert.Contains("I am an admin of Tech Daily but may not post messages there. Give me the right to post messages", answer.Text, StringComparison.Ordinal);
        Assert.Empty(await bot.Get<ISubscriptionStore>().ListForChatAsync(ChannelKey, CancellationToken.None));
    }

    [Fact]
    public async Task AnUnknownChannel_OrOneTheBotIsNotIn_IsNamedInTheAnswer()
    {
        BotApi.AddChannel(-1001000002002, "Secret", publicName: null);
        await using var bot = await StartBotAsync();

        var unknown = await AskAsync("/subscribe @nosuchchannel glacier");
        var notIn = await AskAsync("/subscribe -1001000002002 glacier");

        Assert.Contains("I can't find the channel @nosuchchannel, or I am not in it", unknown.Text, StringComparison.Ordinal);
        Assert.Contains("I can't find the channel -1001000002002, or I am not in it", notIn.Text, StringComparison.Ordinal);
        Assert.Empty(await bot.Get<ISubscriptionStore>().ListForChatAsync("telegram:-1001000002002", CancellationToken.None));
    }

    [Fact]
    public async Task ABotThatIsNoAdmin_OrATelegramThatDoesNotAnswer_GetsAnAnswerThatSaysSo()
    {
        BotApi.AddChannel(Channel, "Tech Daily", "@techdaily");
        BotApi.SetMember(Channel, FakeTelegramServer.BotId, "member");
        await using var bot = await StartBotAsync();

        var notAdmin = await AskAsync("/subscribe @techdaily glacier");
        BotApi.Fail("getChat", TelegramFailure.ServerError());
        var unavailable = await AskAsync("/subscriptions @techdaily");

        Assert.Contains("I am not an admin of Tech Daily, so I can neither check who runs it nor post there", notAdmin.Text, StringComparison.Ordinal);
        Assert.Contains("I could not check @techdaily just now", unavailable.Text, StringComparison.Ordinal);
        Assert.Empty(await bot.Get<ISubscriptionStore>().ListForChatAsync(ChannelKey, CancellationToken.None));
    }

    [Fact]
    public async Task AGroup_IsNotManagedFromAPrivateChat()
    {
        BotApi.AddForum(-1001000003003, "Forum");
        await using var bot = await StartBotAsync();

        var answer = await AskAsync("/subscribe -1001000003003 glacier");

        Assert.Contains("Forum is not a channel. For a group, send the command in the group itself.", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RightsAreCheckedAtEveryChange_ALostAdminCanNoLongerUnsubscribe()
    {
        ChannelWhereBothMayPost();
        await using var bot = await StartBotAsync();
        await AskAsync("/subscribe @techdaily glacier");
        BotApi.SetMember(Channel, Person, "left");

        var answer = await AskAsync("/unsubscribe @techdaily 1");

        Assert.Contains("Only the admins of Tech Daily", answer.Text, StringComparison.Ordinal);
        Assert.Single(await bot.Get<ISubscriptionStore>().ListForChatAsync(ChannelKey, CancellationToken.None));
    }

    [Fact]
    public async Task QuietHoursAndADigest_WorkForTheChannel_AsForAnyChat()
    {
        ChannelWhereBothMayPost();
        await using var bot = await StartBotAsync();

        var quiet = await AskAsync("/quiet @techdaily 02:00-03:00");
        var digest = await AskAsync("/subscribe @techdaily glacier daily 12:30");

        Assert.Contains("Channel “Tech Daily”:", quiet.Text, StringComparison.Ordinal);
        Assert.Equal("02:00-03:00", bot.Get<ChatLifecycle>().Find(ChatAddress.Parse(ChannelKey))?.Quiet?.ToString());
        Assert.Contains("The first digest comes today at 12:30 UTC", digest.Text, StringComparison.Ordinal);
        await bot.Get<ArticleIngestor>().IngestAsync(Wire, [TestBot.Entry("Glacier survey finds a fifth of the ice gone")], CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(31));

        var sent = await BotApi.WaitForAsync("sendMessage", r => r.ChatId == Channel && r.Text?.Contains("Your daily digest: glacier — 1 new", StringComparison.Ordinal) == true);
        Assert.Contains("Glacier survey finds a fifth of the ice gone", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBotsOwnRightsInTheChannel_TurnItsDeliveriesOffAndOn_AndChannelPostsAreNotCommands()
    {
        ChannelWhereBothMayPost();
        await using var bot = await StartBotAsync();
        var chats = bot.Get<ChatLifecycle>();
        var channel = ChatAddress.Parse(ChannelKey);

        BotApi.Enqueue(TelegramUpdates.MyChatMember(Channel, Person, "left", "administrator", "channel", canPost: false, title: "Tech Daily"));
        await Eventually.WaitUntilAsync(() => Task.FromResult(chats.Find(channel) is { Active: false }), "the channel inactive");
        Assert.Equal("the bot may not post in the channel", Shown.InEnglish(chats.Find(channel)?.InactiveReason));

        BotApi.Enqueue(TelegramUpdates.MyChatMember(Channel, Person, "administrator", "administrator", "channel", canPost: true, title: "Tech Daily"));
        await Eventually.WaitUntilAsync(() => Task.FromResult(chats.Find(channel) is { Active: true }), "the channel active again");
        Assert.Equal((ChatKind.Channel, "Tech Daily"), (chats.Find(channel)?.Kind, chats.Find(channel)?.Title));

        var postId = BotApi.Enqueue(TelegramUpdates.ChannelPost(Channel, "/subscribe glacier", "Tech Daily"));
        BotApi.Enqueue(TelegramUpdates.MyChatMember(Channel, Person, "administrator", "left", "channel", title: "Tech Daily"));
        await Eventually.WaitUntilAsync(() => Task.FromResult(chats.Find(channel) is { Active: false }), "the channel inactive after the bot left");
        Assert.Equal("the bot left the chat", Shown.InEnglish(chats.Find(channel)?.InactiveReason));
        Assert.True(postId > 0);
        Assert.DoesNotContain(BotApi.Calls("sendMessage"), r => r.ChatId == Channel);
        Assert.Empty(await bot.Get<ISubscriptionStore>().ListForChatAsync(ChannelKey, CancellationToken.None));
    }

    private void ChannelWhereBothMayPost()
    {
        BotApi.AddChannel(Channel, "Tech Daily", "@techdaily");
        BotApi.SetAdmin(Channel, FakeTelegramServer.BotId);
        BotApi.SetAdmin(Channel, Person);
    }

    /// <summary>Sends a command in the person's private chat and returns the bot's next answer there.</summary>
    private async Task<TelegramRequest> AskAsync(string text) =>

        // A subscription is previewed first: the person presses Subscribe, whose command names the channel too.
        await TelegramPreviews.ConfirmIfPreviewAsync(BotApi, await SayAsync(text), Person);

    private async Task<TelegramRequest> SayAsync(string text)
    {
        var before = BotApi.Calls("sendMessage").Count(r => r.ChatId == Person);
        BotApi.Enqueue(TelegramChats.Say(Person, text, userId: Person));
        await Eventually.WaitUntilAsync(
            () => Task.FromResult(BotApi.Calls("sendMessage").Count(r => r.ChatId == Person && r.Succeeded) > before),
            "an answer to " + text);
        return BotApi.Calls("sendMessage").Where(r => r.ChatId == Person && r.Succeeded).Skip(before).First();
    }
}
