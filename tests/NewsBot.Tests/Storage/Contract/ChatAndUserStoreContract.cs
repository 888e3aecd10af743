namespace NewsBot.Tests.Storage.Contract;

public abstract class ChatAndUserStoreContract : StoreContract
{
    private protected ChatAndUserStoreContract(StoreFactory factory)
        : base(factory)
    {
    }

    private static ChatRecord Chat(string key, ChatKind kind = ChatKind.Private) =>
        new(key, ChatAddress.Parse(key).Platform, kind, null, null, true, null, Now, Now);

    [Fact]
    public async Task Chat_IsSavedWhole_AndReplacedWhole()
    {
        var chat = new ChatRecord("telegram:-100", NewsBot.Core.Chats.PlatformNames.Telegram, ChatKind.Group, "Readers", "Asia/Tokyo", false, "blocked", Now.AddDays(-3), Now,
            new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)), AnnouncementsMuted: true, Language: "pt-BR");

        await Stores.Chats.SaveAsync(chat, None);
        var read = await Stores.Chats.FindAsync(ChatAddress.Parse("telegram:-100"), None);
        await Stores.Chats.SaveAsync(chat with { Title = null, Quiet = null, Active = true, InactiveReason = null }, None);
        var replaced = await Stores.Chats.FindAsync(ChatAddress.Parse("telegram:-100"), None);

        Assert.Equal(chat, read);
        Assert.Null(replaced!.Title);
        Assert.Null(replaced.Quiet);
        Assert.Equal("pt-BR", replaced.Language);
        Assert.True(replaced.Active);
        Assert.Null(await Stores.Chats.FindAsync(ChatAddress.Parse("telegram:-200"), None));
    }

    [Fact]
    public async Task AllChats_AreListed_AndSurviveAReopen()
    {
        await Stores.Chats.SaveAsync(Chat("telegram:1"), None);
        await Stores.Chats.SaveAsync(Chat("discord:5", ChatKind.GuildChannel), None);
        await Stores.Chats.SaveAsync(Chat("telegram:1") with { Title = "again" }, None);

        await Stores.ReopenAsync();
        var all = await Stores.Chats.AllAsync(None).ToListAsync();

        Assert.Equal(["discord:5", "telegram:1"], all.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(ChatKind.GuildChannel, all.Single(c => c.Key == "discord:5").Kind);
        Assert.Equal(NewsBot.Core.Chats.PlatformNames.Discord, all.Single(c => c.Key == "discord:5").Platform);
    }

    [Fact]
    public async Task AForumTopic_IsAChatOfItsOwn_BesideItsGroup()
    {
        await Stores.Chats.SaveAsync(Chat("telegram:-100123", ChatKind.Group) with { Title = "Readers" }, None);
        await Stores.Chats.SaveAsync(Chat("telegram:-100123:45", ChatKind.ForumTopic) with { Title = "Science" }, None);

        await Stores.ReopenAsync();
        var topic = await Stores.Chats.FindAsync(ChatAddress.Parse("telegram:-100123:45"), None);
        var group = await Stores.Chats.FindAsync(ChatAddress.Parse("telegram:-100123"), None);

        Assert.Equal((ChatKind.ForumTopic, "Science", "telegram"), (topic?.Kind, topic?.Title, topic?.Platform));
        Assert.Equal((ChatKind.Group, "Readers"), (group?.Kind, group?.Title));
        Assert.Equal(2, await Stores.Chats.AllAsync(None).CountAsync());
    }

    [Fact]
    public async Task Move_SavesTheChats_AndHandsEverySubscriptionToTheNewChat()
    {
        var group = Chat("telegram:-100", ChatKind.Group);
        await Stores.Chats.SaveAsync(group, None);
        var a = await Stores.Subscriptions.AddAsync(new Subscription(0, "telegram:-100", SubscriptionKind.Topic, "science", DeliveryMode.Instant, null, "telegram:1", Now), None);
        var other = await Stores.Subscriptions.AddAsync(new Subscription(0, "telegram:-1000", SubscriptionKind.Topic, "sports", DeliveryMode.Instant, null, "telegram:1", Now), None);
        var b = await Stores.Subscriptions.AddAsync(new Subscription(0, "telegram:-100", SubscriptionKind.Keywords, "rust", DeliveryMode.Daily, new TimeOnly(8, 0), "telegram:1", Now), None);

        var moved = await Stores.Chats.MoveAsync(
            ChatAddress.Parse("telegram:-100"),
            ChatAddress.Parse("telegram:-100555"),
            [group with { Active = false, InactiveReason = "migrated" }, Chat("telegram:-100555", ChatKind.Group)],
            None);

        Assert.Equal([a.Id, b.Id], moved.Select(s => s.Id));
        Assert.All(moved, s => Assert.Equal("telegram:-100555", s.ChatKey));
        Assert.Equal([a.Id, b.Id], (await Stores.Subscriptions.ListForChatAsync("telegram:-100555", None)).Select(s => s.Id));
        Assert.Empty(await Stores.Subscriptions.ListForChatAsync("telegram:-100", None));
        Assert.Equal([other.Id], (await Stores.Subscriptions.ListForChatAsync("telegram:-1000", None)).Select(s => s.Id));
        Assert.False((await Stores.Chats.FindAsync(ChatAddress.Parse("telegram:-100"), None))!.Active);
        Assert.NotNull(await Stores.Chats.FindAsync(ChatAddress.Parse("telegram:-100555"), None));
    }

    [Fact]
    public async Task Users_AreCountedOnce_KeepingWhenFirstSeen()
    {
        await Stores.Users.TouchAsync(new UserAddress("telegram", "1"), "Ada", Now, None);
        await Stores.Users.TouchAsync(new UserAddress("telegram", "1"), "Ada L.", Now.AddHours(1), None);
        await Stores.Users.TouchAsync(new UserAddress("discord", "1"), "Ada", Now, None);

        await Stores.ReopenAsync();

        Assert.Equal(2, await Stores.CountUsersAsync());
    }

    [Fact]
    public async Task UserLanguage_IsNullUntilChosen_ThenKept_AndTouchingLeavesIt()
    {
        var ada = new UserAddress("telegram", "77");

        var unknown = await Stores.Users.FindLanguageAsync(ada, None);
        await Stores.Users.TouchAsync(ada, "Ada", Now, None);
        var notChosen = await Stores.Users.FindLanguageAsync(ada, None);
        await Stores.Users.SetLanguageAsync(ada, "Ada", "ru", Now, None);
        await Stores.Users.TouchAsync(ada, "Ada L.", Now.AddMinutes(10), None);
        await Stores.ReopenAsync();
        var chosen = await Stores.Users.FindLanguageAsync(ada, None);
        await Stores.Users.SetLanguageAsync(new UserAddress("discord", "9"), "Bo", "zh-Hans", Now, None);

        Assert.Null(unknown);
        Assert.Null(notChosen);
        Assert.Equal("ru", chosen);
        Assert.Equal("zh-Hans", await Stores.Users.FindLanguageAsync(new UserAddress("discord", "9"), None));
    }
}
