namespace NewsBot.Tests.Chats;

public sealed class ChatLifecycleTests : BotTest
{
    private static readonly ChatAddress Group = ChatAddress.Parse("telegram:-123");
    private static readonly ChatAddress Supergroup = ChatAddress.Parse("telegram:-100123");
    private static readonly QuietHours Night = new(new TimeOnly(22, 0), new TimeOnly(7, 0));

    private ChatLifecycle Chats => Bot.Get<ChatLifecycle>();

    private ISubscriptionStore Subscriptions => Bot.Get<ISubscriptionStore>();

    [Fact]
    public async Task Reactivate_NewChat_IsCreatedActive_ThenRefreshedKeepingTitleAndSettings()
    {
        var created = await Chats.ReactivateAsync(Group, ChatKind.Group, "Readers", CancellationToken.None);
        await Chats.SetTimeZoneAsync(Group, "Asia/Tokyo", CancellationToken.None);
        Bot.Time.Advance(TimeSpan.FromHours(1));

        var again = await Chats.ReactivateAsync(Group, ChatKind.Group, null, CancellationToken.None);

        Assert.True(created.Active);
        Assert.Equal(TestBot.Now, created.FirstSeen);
        Assert.Equal("Readers", again.Title);
        Assert.Equal("Asia/Tokyo", again.TimeZone);
        Assert.Equal(TestBot.Now, again.FirstSeen);
        Assert.Equal(TestBot.Now.AddHours(1), again.LastSeen);
        Assert.Equal([Group.Key], Chats.ActiveChatKeys());
    }

    [Fact]
    public async Task Deactivate_KnownChat_KeepsTheReasonUntilReactivated()
    {
        await Chats.ReactivateAsync(Group, ChatKind.Group, "Readers", CancellationToken.None);

        Assert.True(await Chats.DeactivateAsync(Group, "removed from the group", CancellationToken.None));
        var inactive = Chats.Find(Group)!;
        Assert.False(inactive.Active);
        Assert.Equal("removed from the group", inactive.InactiveReason);
        Assert.Equal(0, Chats.CountActive());
        Assert.Empty(Chats.ActiveChatKeys());

        var back = await Chats.ReactivateAsync(Group, ChatKind.Group, "Readers", CancellationToken.None);
        Assert.True(back.Active);
        Assert.Null(back.InactiveReason);
        Assert.Equal(1, Chats.CountActive());
    }

    [Fact]
    public async Task Deactivate_UnknownChat_ReturnsFalse_AndCreatesNothing()
    {
        Assert.False(await Chats.DeactivateAsync(ChatAddress.Parse("telegram:5"), "blocked", CancellationToken.None));
        Assert.Null(Chats.Find(ChatAddress.Parse("telegram:5")));
    }

    [Fact]
    public async Task Settings_OfAnUnknownChat_AreNotWritten()
    {
        Assert.False(await Chats.SetQuietHoursAsync(Group, Night, CancellationToken.None));
        Assert.False(await Chats.SetTimeZoneAsync(Group, "Europe/Berlin", CancellationToken.None));
        Assert.False(await Chats.SetAnnouncementsMutedAsync(Group, true, CancellationToken.None));
        Assert.Null(Chats.Find(Group));
    }

    [Fact]
    public async Task Migrate_GroupToSupergroup_MovesSettingsAndSubscriptions_AndRetiresTheGroup()
    {
        await Chats.ReactivateAsync(Group, ChatKind.Group, "Readers", CancellationToken.None);
        await Chats.SetTimeZoneAsync(Group, "Europe/Berlin", CancellationToken.None);
        await Chats.SetQuietHoursAsync(Group, Night, CancellationToken.None);
        await Chats.SetAnnouncementsMutedAsync(Group, true, CancellationToken.None);
        await Bot.Get<SubscriptionService>().AddAsync(Topic(Group, "science"), CancellationToken.None);
        await Bot.Get<SubscriptionService>().AddAsync(Topic(ChatAddress.Parse("telegram:-999"), "sports"), CancellationToken.None);

        await Chats.MigrateAsync(Group, Supergroup, CancellationToken.None);

        var moved = Chats.Find(Supergroup)!;
        Assert.True(moved.Active);
        Assert.Equal(("Readers", ChatKind.Group, "Europe/Berlin"), (moved.Title, moved.Kind, moved.TimeZone));
        Assert.Equal(Night, moved.Quiet);
        Assert.True(moved.AnnouncementsMuted);
        var retired = Chats.Find(Group)!;
        Assert.False(retired.Active);
        Assert.Equal("moved to " + Supergroup.Key, Shown.InEnglish(retired.InactiveReason));
        Assert.Equal([Supergroup.Key], Chats.ActiveChatKeys());
        Assert.Equal("science", Assert.Single(await Subscriptions.ListForChatAsync(Supergroup.Key, CancellationToken.None)).Query);
        Assert.Empty(await Subscriptions.ListForChatAsync(Group.Key, CancellationToken.None));
        Assert.Single(await Subscriptions.ListForChatAsync("telegram:-999", CancellationToken.None));
    }

    [Fact]
    public async Task Migrate_MovedSubscriptions_AreMatchedForTheNewAddress()
    {
        await Chats.ReactivateAsync(Group, ChatKind.Group, "Readers", CancellationToken.None);
        await Bot.Get<SubscriptionService>().AddAsync(Topic(Group, "science"), CancellationToken.None);

        await Chats.MigrateAsync(Group, Supergroup, CancellationToken.None);

        var article = Assert.Single(await Bot.IngestAsync(Bot.Source(), TestBot.Entry("Telescope finds a comet")));
        Assert.Equal(Supergroup.Key, Assert.Single(Bot.Get<SubscriptionMatcher>().Match(article)).ChatKey);
    }

    [Fact]
    public async Task Migrate_Repeated_ChangesNothingMore()
    {
        await Chats.ReactivateAsync(Group, ChatKind.Group, "Readers", CancellationToken.None);
        await Chats.SetTimeZoneAsync(Group, "Europe/Berlin", CancellationToken.None);
        await Bot.Get<SubscriptionService>().AddAsync(Topic(Group, "science"), CancellationToken.None);
        await Chats.MigrateAsync(Group, Supergroup, CancellationToken.None);
        await Chats.SetTimeZoneAsync(Supergroup, "Asia/Tokyo", CancellationToken.None);
        var first = Chats.Find(Supergroup);

        // Telegram reports the move twice: in the old group and in the new supergroup.
        await Chats.MigrateAsync(Group, Supergroup, CancellationToken.None);

        Assert.Equal(first, Chats.Find(Supergroup));
        Assert.False(Chats.Find(Group)!.Active);
        Assert.Single(await Subscriptions.ListForChatAsync(Supergroup.Key, CancellationToken.None));
    }

    [Fact]
    public async Task Migrate_TargetAlreadySeen_KeepsItsOwnSettings_AndTakesOnlyWhatItLacks()
    {
        await Chats.ReactivateAsync(Group, ChatKind.Group, "Readers", CancellationToken.None);
        await Chats.SetTimeZoneAsync(Group, "Europe/Berlin", CancellationToken.None);
        await Chats.SetQuietHoursAsync(Group, Night, CancellationToken.None);
        await Chats.ReactivateAsync(Supergroup, ChatKind.Group, "Readers (new)", CancellationToken.None);
        await Chats.SetTimeZoneAsync(Supergroup, "Asia/Tokyo", CancellationToken.None);
        await Chats.DeactivateAsync(Supergroup, "the bot left the chat", CancellationToken.None);

        await Chats.MigrateAsync(Group, Supergroup, CancellationToken.None);

        var target = Chats.Find(Supergroup)!;
        Assert.Equal(("Readers (new)", "Asia/Tokyo"), (target.Title, target.TimeZone));
        Assert.Equal(Night, target.Quiet);
        Assert.True(target.Active);
        Assert.Null(target.InactiveReason);
    }

    [Fact]
    public async Task Migrate_UnknownGroup_StillMovesItsSubscriptions()
    {
        await Bot.Get<SubscriptionService>().AddAsync(Topic(Group, "science"), CancellationToken.None);

        await Chats.MigrateAsync(Group, Supergroup, CancellationToken.None);

        Assert.Single(await Subscriptions.ListForChatAsync(Supergroup.Key, CancellationToken.None));
        Assert.Null(Chats.Find(Group));
        Assert.Null(Chats.Find(Supergroup));
    }

    [Fact]
    public async Task Migrate_ToItself_ChangesNothing()
    {
        await Chats.ReactivateAsync(Group, ChatKind.Group, "Readers", CancellationToken.None);

        await Chats.MigrateAsync(Group, Group, CancellationToken.None);

        Assert.True(Chats.Find(Group)!.Active);
    }

    [Fact]
    public async Task Rebuild_ReadsWhatTheStoreHolds()
    {
        await Chats.ReactivateAsync(Group, ChatKind.Group, "Readers", CancellationToken.None);
        await Chats.SetQuietHoursAsync(Group, Night, CancellationToken.None);
        var stored = new ChatRecord("discord:77", "discord", ChatKind.GuildChannel, "news", null, true, null, TestBot.Now, TestBot.Now);
        await Bot.Get<IChatStore>().SaveAsync(stored, CancellationToken.None);
        Assert.Null(Chats.Find(ChatAddress.Parse("discord:77")));

        await Chats.RebuildAsync(CancellationToken.None);

        Assert.Equal(stored, Chats.Find(ChatAddress.Parse("discord:77")));
        Assert.Equal(Night, Chats.Find(Group)!.Quiet);
        Assert.Equal(["discord:77", Group.Key], Chats.ActiveChatKeys().Order(StringComparer.Ordinal));
        Assert.Equal(["discord:77"], Chats.ActiveChatKeys("discord"));
    }

    [Fact]
    public async Task AnyCommand_InAnInactiveChat_ReactivatesItAtOnce()
    {
        await Bot.SendAsync("/topics", ChatKind.Group, chat: Group.Key);
        await Chats.DeactivateAsync(Group, "the bot left the chat", CancellationToken.None);

        await Bot.SendAsync("/topics", ChatKind.Group, chat: Group.Key);

        Assert.True(Chats.Find(Group)!.Active);
    }

    private static Subscription Topic(ChatAddress chat, string topic) =>
        new(0, chat.Key, SubscriptionKind.Topic, topic, DeliveryMode.Instant, null, "telegram:1", TestBot.Now);
}
