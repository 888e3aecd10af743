namespace NewsBot.Tests.Commands;

public sealed class SubscriptionCommandsTests : BotTest
{
    private const string Group = "telegram:-1001";

    [Fact]
    public async Task Subscriptions_None_SaysHowToSubscribe()
    {
        Assert.Contains("/subscribe <topic or words>", await Bot.SendAsync("/subscriptions"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_Topic_IsStoredAsATopicSubscription()
    {
        var answer = await Bot.SubscribeAsync("/subscribe Technology");

        var stored = Assert.Single(await Bot.Get<ISubscriptionStore>().ListForChatAsync("telegram:1", CancellationToken.None));
        Assert.Equal(SubscriptionKind.Topic, stored.Kind);
        Assert.Equal("technology", stored.Query);
        Assert.Equal(DeliveryMode.Instant, stored.Mode);
        Assert.Contains("Subscribed (#1): topic technology, as they arrive", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_Words_AreStoredAsTyped_AndDuplicatesAreFoundHoweverTyped()
    {
        await Bot.SubscribeAsync("/subscribe Solar \"Power Plants\" -Wind");
        var again = await Bot.SubscribeAsync("/subscribe solar -wind \"power plant\"");

        var stored = Assert.Single(await Bot.Get<ISubscriptionStore>().ListForChatAsync("telegram:1", CancellationToken.None));
        Assert.Equal(SubscriptionKind.Keywords, stored.Kind);
        Assert.Equal("Solar \"Power Plants\" -Wind", stored.Query);
        Assert.Contains("already has that subscription", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_Daily_StoresTheTimeAndMentionsTheTimeZone()
    {
        var answer = await Bot.SubscribeAsync("/subscribe science daily 7:30");

        var stored = Assert.Single(await Bot.Get<ISubscriptionStore>().ListForChatAsync("telegram:1", CancellationToken.None));
        Assert.Equal(DeliveryMode.Daily, stored.Mode);
        Assert.Equal(new TimeOnly(7, 30), stored.DailyAt);
        Assert.Contains("daily digest at 07:30", answer, StringComparison.Ordinal);
        Assert.Contains("UTC", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_DailyWithoutTime_MeansEightInTheMorning()
    {
        await Bot.SubscribeAsync("/subscribe science daily");

        Assert.Equal(new TimeOnly(8, 0), Assert.Single(await Bot.Get<ISubscriptionStore>().ListForChatAsync("telegram:1", CancellationToken.None)).DailyAt);
    }

    [Theory]
    [InlineData("/subscribe science daily 25:00", "is not a time of day")]
    [InlineData("/subscribe science daily noon", "is not a time of day")]
    [InlineData("/subscribe", "What should this chat follow?")]
    [InlineData("/subscribe -wind", "at least one word")]
    public async Task Subscribe_BadInput_SaysWhatToType(string command, string expected)
    {
        Assert.Contains(expected, await Bot.SendAsync(command), StringComparison.Ordinal);
        Assert.Empty(await Bot.Get<ISubscriptionStore>().ListForChatAsync("telegram:1", CancellationToken.None));
    }

    [Fact]
    public async Task Subscribe_Twice_DoesNotDuplicate()
    {
        await Bot.SubscribeAsync("/subscribe technology");
        var again = await Bot.SubscribeAsync("/subscribe TECHNOLOGY");

        Assert.Contains("already has that subscription (#1", again, StringComparison.Ordinal);
        Assert.Single(await Bot.Get<ISubscriptionStore>().ListForChatAsync("telegram:1", CancellationToken.None));
    }

    [Fact]
    public async Task Subscribe_InGroupByNonAdmin_IsPolitelyRefused()
    {
        var answer = await Bot.SubscribeAsync("/subscribe technology", ChatKind.Group, isChatAdmin: false, chat: Group);

        Assert.Contains("Only this chat's admins", answer, StringComparison.Ordinal);
        Assert.Empty(await Bot.Get<ISubscriptionStore>().ListForChatAsync(Group, CancellationToken.None));
    }

    [Fact]
    public async Task Subscribe_InGroupByAdmin_IsStoredForTheGroup()
    {
        await Bot.SubscribeAsync("/subscribe technology", ChatKind.Group, isChatAdmin: true, chat: Group);

        Assert.Single(await Bot.Get<ISubscriptionStore>().ListForChatAsync(Group, CancellationToken.None));
        Assert.Contains("#1", await Bot.SendAsync("/subscriptions", ChatKind.Group, isChatAdmin: false, chat: Group), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsubscribe_ById_ByQuery_AndAll()
    {
        await Bot.SubscribeAsync("/subscribe technology");
        await Bot.SubscribeAsync("/subscribe solar -wind");
        await Bot.SubscribeAsync("/subscribe science daily 08:00");
        await Bot.SubscribeAsync("/subscribe sports");
        Bot.Time.Advance(TimeSpan.FromMinutes(1)); // eight commands so far: the allowance refills

        Assert.Contains("Stopped #1 (topic technology", await Bot.SendAsync("/unsubscribe 1"), StringComparison.Ordinal);
        Assert.Contains("Stopped #2", await Bot.SendAsync("/unsubscribe Solar -WIND"), StringComparison.Ordinal);
        Assert.Contains("Stopped 2 subscriptions", await Bot.SendAsync("/unsubscribe all"), StringComparison.Ordinal);
        Assert.Empty(await Bot.Get<ISubscriptionStore>().ListForChatAsync("telegram:1", CancellationToken.None));
    }

    [Theory]
    [InlineData("/unsubscribe 42", "#42 is not one of this chat's subscriptions")]
    [InlineData("/unsubscribe weather", "no subscription to weather")]
    [InlineData("/unsubscribe", "Which one?")]
    public async Task Unsubscribe_NothingMatching_SaysSo(string command, string expected)
    {
        await Bot.SubscribeAsync("/subscribe technology");

        Assert.Contains(expected, await Bot.SendAsync(command), StringComparison.Ordinal);
        Assert.Single(await Bot.Get<ISubscriptionStore>().ListForChatAsync("telegram:1", CancellationToken.None));
    }

    [Fact]
    public async Task Subscriptions_AreListedWithNumbers()
    {
        await Bot.SubscribeAsync("/subscribe technology");
        await Bot.SubscribeAsync("/subscribe \"electric cars\" daily 18:00");

        var answer = await Bot.SendAsync("/subscriptions");

        Expect.ContainsAll(answer, "#1", "topic technology, as they arrive", "words \"electric cars\", daily digest at 18:00");
    }

    [Fact]
    public async Task TimeZone_ShowSetAndReject()
    {
        Assert.Contains("time zone is UTC", await Bot.SendAsync("/timezone"), StringComparison.Ordinal);
        Assert.Contains("now Europe/Berlin; the local time there is 13:00", await Bot.SendAsync("/timezone europe/berlin"), StringComparison.Ordinal);
        Assert.Equal("Europe/Berlin", Bot.Get<ChatLifecycle>().Find(ChatAddress.Parse("telegram:1"))!.TimeZone);

        var bad = await Bot.SendAsync("/timezone Berlinn");
        Assert.Contains("I don't know the time zone 'Berlinn'", bad, StringComparison.Ordinal);
        Assert.Equal("Europe/Berlin", Bot.Get<ChatLifecycle>().Find(ChatAddress.Parse("telegram:1"))!.TimeZone);
    }

    [Fact]
    public async Task TimeZone_InGroupByNonAdmin_CanBeReadButNotChanged()
    {
        Assert.Contains("time zone is UTC", await Bot.SendAsync("/timezone", ChatKind.Group, isChatAdmin: false, chat: Group), StringComparison.Ordinal);
        Assert.Contains("Only this chat's admins", await Bot.SendAsync("/timezone Asia/Tokyo", ChatKind.Group, isChatAdmin: false, chat: Group), StringComparison.Ordinal);
    }
}
