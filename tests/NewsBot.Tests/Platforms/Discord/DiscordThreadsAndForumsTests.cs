namespace NewsBot.Tests.Platforms.Discord;

/// <summary>
/// Threads and forum channels end to end: subscribed through interactions, pushed through the
/// dispatcher and the real sender to the fake Discord API, which refuses what Discord refuses.
/// </summary>
public sealed class DiscordThreadsAndForumsTests : DiscordBotTest
{
    private const string Thread = "520000000000000520";
    private const string Forum = "530000000000000530";
    private const string Post = "540000000000000540";

    private DiscordChatSender Sender => Discord.Bot.Get<DiscordChatSender>();

    private ChatLifecycle Chats => Discord.Bot.Get<ChatLifecycle>();

    [Fact]
    public async Task SubscribeInAThread_PostsTheNextStoryInThatThread()
    {
        Server.SetThread(Thread, parentId: DiscordInteractions.ChannelId);
        await SubscribeAsync(Subscribe().InThread(Thread, DiscordInteractions.ChannelId));

        await NewStoryAsync("Robot league adds a night round");

        var push = Assert.Single(Server.Calls("POST", $"/channels/{Thread}/messages"));
        Assert.Contains("Robot league adds a night round", push.Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(Server.Calls("POST", $"/channels/{DiscordInteractions.ChannelId}/messages"));
        Assert.Equal("#launch-day", Chats.Find(ChatAddress.Parse("discord:" + Thread))!.Title);
    }

    [Fact]
    public async Task SubscribeInAForumPost_TargetsThatPost()
    {
        Server.SetChannelType(Forum, 15);
        Server.SetThread(Post, parentId: Forum);
        await SubscribeAsync(Subscribe().InThread(Post, Forum));

        await NewStoryAsync("Robot league adds a night round");

        Assert.Single(Server.Calls("POST", $"/channels/{Post}/messages"));
        Assert.Empty(Server.Calls("POST", $"/channels/{Forum}/threads"));
    }

    [Fact]
    public async Task AForumChosenWithTheForumOption_GetsEachStoryAsANewPostTitledByTheStory()
    {
        Server.SetChannelType(Forum, 15);
        var answer = await SubscribeAsync(Subscribe().WithForum(Forum));

        await NewStoryAsync("Robot league adds a night round");
        await NewStoryAsync("Chip plant breaks ground in Veltrona");

        Assert.Contains("technology", answer.Message!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Single(await Discord.Bot.Get<ISubscriptionStore>().ListForChatAsync("discord:forum:" + Forum, CancellationToken.None));
        var posts = Server.Calls("POST", $"/channels/{Forum}/threads");
        Assert.Equal(["Robot league adds a night round", "Chip plant breaks ground in Veltrona"], posts.Select(p => (string)p.Body!["name"]!));
        Assert.All(posts, p => Assert.True(p.Succeeded));
        Assert.Contains("Robot league", posts[0].Body!["message"]!["embeds"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("""{"parse":[]}""", posts[0].Body!["message"]!["allowed_mentions"]!.ToJsonString());
        Assert.Empty(Server.Calls("POST", $"/channels/{Forum}/messages"));
    }

    [Fact]
    public async Task ATitleOverDiscordsLimit_IsCutAtAWordWithinOneHundredCharacters()
    {
        Server.SetChannelType(Forum, 16);
        await SubscribeAsync(Subscribe().WithForum(Forum, type: 16));
        var title = "Robot " + string.Join(' ', Enumerable.Repeat("extraordinarily", 12)) + " long headline";

        await NewStoryAsync(title);

        var post = Assert.Single(Server.Calls("POST", $"/channels/{Forum}/threads"));
        var name = (string)post.Body!["name"]!;
        Assert.True(post.Succeeded);
        Assert.InRange(name.Length, 80, 100);
        Assert.EndsWith("extraordinarily…", name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheForumOption_NeedsTheRightToManageThatForum()
    {
        Server.SetChannelType(Forum, 15);

        var answer = await SubscribeAsync(Subscribe().WithForum(Forum, permissions: "0"));

        Assert.Contains("admins", answer.Message!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(await Discord.Bot.Get<ISubscriptionStore>().ListForChatAsync("discord:forum:" + Forum, CancellationToken.None));
    }

    [Fact]
    public async Task AnArchivedThread_IsReopenedAndPostedIn()
    {
        Server.SetThread(Thread, parentId: DiscordInteractions.ChannelId);
        await SubscribeAsync(Subscribe().InThread(Thread, DiscordInteractions.ChannelId));
        Server.SetThread(Thread, archived: true, parentId: DiscordInteractions.ChannelId);

        await NewStoryAsync("Robot league adds a night round");

        Assert.Single(Server.Calls("PATCH", $"/channels/{Thread}"));
        Assert.Single(Server.Calls("POST", $"/channels/{Thread}/messages"), r => r.Succeeded);
        Assert.False(Server.IsArchived(Thread));
        Assert.Null(Chats.Find(ChatAddress.Parse("discord:" + Thread))!.Pause);
    }

    [Fact]
    public async Task ALockedArchivedThread_PausesWithANote_KeepsTheStory_AndGetsItWhenReopened()
    {
        Server.SetThread(Thread, parentId: DiscordInteractions.ChannelId);
        await SubscribeAsync(Subscribe().InThread(Thread, DiscordInteractions.ChannelId));
        Server.SetThread(Thread, archived: true, locked: true, parentId: DiscordInteractions.ChannelId);

        await NewStoryAsync("Robot league adds a night round");
        await Discord.Bot.DispatchAsync(Sender);

        var chat = ChatAddress.Parse("discord:" + Thread);
        Assert.Single(Server.Calls("PATCH", $"/channels/{Thread}"));
        Assert.Single(Server.Calls("POST", $"/channels/{Thread}/messages"));
        Assert.Equal(DiscordChatSender.ThreadClosedReason, Shown.InEnglish(Chats.Find(chat)!.Pause!.Reason));
        Assert.Contains("#launch-day", Assert.Single(Discord.Bot.Admins.Messages), StringComparison.Ordinal);
        var told = Assert.Single(Server.Calls("POST", "/channels/7" + DiscordInteractions.UserId + "/messages"));
        Assert.Contains("cannot post in", told.Body!.ToJsonString(), StringComparison.Ordinal);
        var listed = await Discord.InteractAsync(DiscordInteractions.Command("subscriptions", permissions: DiscordInteractions.AllPermissions).InThread(Thread, DiscordInteractions.ChannelId));
        Assert.Contains("wait", listed.Message!.ToJsonString(), StringComparison.Ordinal);

        Server.SetThread(Thread, parentId: DiscordInteractions.ChannelId);
        await Discord.DispatchAsync("THREAD_UPDATE", DiscordInteractionParts.Thread(Thread, archived: false, locked: false));
        await Discord.Bot.DispatchAsync(Sender);

        Assert.Null(Chats.Find(chat)!.Pause);
        var delivered = Assert.Single(Server.Calls("POST", $"/channels/{Thread}/messages"), r => r.Succeeded);
        Assert.Contains("Robot league adds a night round", delivered.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeletedThread_IsDeactivatedLikeADeletedChannel()
    {
        Server.SetThread(Thread, parentId: DiscordInteractions.ChannelId);
        await SubscribeAsync(Subscribe().InThread(Thread, DiscordInteractions.ChannelId));
        Server.Script($"POST /channels/{Thread}/messages", FakeDiscordAnswer.Error(404, 10003, "Unknown Channel"));

        await NewStoryAsync("Robot league adds a night round");
        await NewStoryAsync("Chip plant breaks ground in Veltrona");

        var chat = Chats.Find(ChatAddress.Parse("discord:" + Thread))!;
        Assert.False(chat.Active);
        Assert.Single(Server.Calls("POST", $"/channels/{Thread}/messages"));
    }

    [Fact]
    public async Task ThreadDelete_FromTheGateway_StopsDeliveriesThere()
    {
        Server.SetThread(Thread, parentId: DiscordInteractions.ChannelId);
        await SubscribeAsync(Subscribe().InThread(Thread, DiscordInteractions.ChannelId));

        await Discord.DispatchAsync("THREAD_DELETE", DiscordInteractionParts.Thread(Thread, archived: false, locked: false));

        Assert.False(Chats.Find(ChatAddress.Parse("discord:" + Thread))!.Active);
    }

    [Fact]
    public async Task ADigestToAForum_IsOnePostNamedByItsHeading()
    {
        Server.SetChannelType(Forum, 15);
        var subscription = new Subscription(3, "discord:forum:" + Forum, SubscriptionKind.Topic, "technology", DeliveryMode.Daily, new TimeOnly(8, 0), "discord:" + DiscordInteractions.UserId, TestBot.Now);
        var digest = DigestComposer.For(subscription, Discord.Articles, Discord.Articles.Count, LanguageCatalog.Default.For("en"));

        var outcome = await Sender.SendAsync(ChatAddress.Parse("discord:forum:" + Forum), digest, CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        var post = Assert.Single(Server.Calls("POST", $"/channels/{Forum}/threads"));
        Assert.StartsWith("Your daily digest", (string)post.Body!["name"]!, StringComparison.Ordinal);
        Assert.Contains("Chip plant opens in Veltrona", post.Body["message"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALockedArchivedThread_IsReopenedWhenTheBotManagesThreads()
    {
        Server.SetThread(Thread, archived: true, locked: true, botManagesThreads: true, parentId: DiscordInteractions.ChannelId);

        var outcome = await Sender.SendAsync(ChatAddress.Parse("discord:" + Thread), Reply.Text("Hello"), CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Equal([400, 200], Server.Calls("POST", $"/channels/{Thread}/messages").Select(r => r.Status));
    }

    [Fact]
    public async Task AForumThatRefusesThePost_FailsThatMessageWithoutDeactivatingTheForum()
    {
        Server.SetChannelType(Forum, 15);
        Server.Script($"POST /channels/{Forum}/threads", FakeDiscordAnswer.Error(400, 40067, "A tag is required to create a forum post in this channel"));

        var outcome = await Sender.SendAsync(ChatAddress.Parse("discord:forum:" + Forum), Reply.Text("Hello"), CancellationToken.None);

        var failure = Assert.IsType<SendOutcome.PermanentFailure>(outcome);
        Assert.False(failure.ChatUnreachable);
        Assert.Contains("A tag is required", failure.Reason, StringComparison.Ordinal);
    }

    private static JsonObject Subscribe() =>
        DiscordInteractions.Command("subscribe", [("query", JsonValue.Create("technology"))], permissions: DiscordInteractions.AllPermissions);

    private Task<DiscordRestRequest> SubscribeAsync(JsonObject interaction) => Discord.SubscribeAsync(interaction);

    private async Task NewStoryAsync(string title)
    {
        await Discord.Bot.IngestAsync(Discord.Bot.Source("Test Wire", "technology"), TestBot.Entry(title, "New robot and chip software.", hoursAgo: 0));
        await Discord.Bot.DispatchAsync(Sender);
    }
}
