namespace NewsBot.Tests.Platforms.Telegram;

/// <summary>
/// Forum topics through the whole bot against the fake Bot API: a topic subscribes on its own,
/// answers and pushes carry its message_thread_id, its group's limit paces all its topics, and a
/// closed or deleted topic stops only its own pushes, with one note to the group.
/// </summary>
public sealed class TelegramForumTopicTests : FakeClockTelegramTests
{
    private const long Admin = 7;
    private const long Forum = -1001000004004;
    private static readonly string ForumKey = "telegram:" + Forum.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task SubscribeInATopic_SubscribesTheTopic_AnswersThere_AndPushesGoThere()
    {
        AForumWithTopics(45);
        await using var bot = await StartBotAsync();

        var answer = await SayInTopicAsync(45, "/subscribe glacier", "Science");

        Assert.Contains("Subscribed (#1): words glacier", answer.Text, StringComparison.Ordinal);
        Assert.Equal(45, (int?)answer.Body["message_thread_id"]);
        Assert.Single(await bot.Get<ISubscriptionStore>().ListForChatAsync(ForumKey + ":45", CancellationToken.None));
        Assert.Empty(await bot.Get<ISubscriptionStore>().ListForChatAsync(ForumKey, CancellationToken.None));
        var topic = bot.Get<ChatLifecycle>().Find(ChatAddress.Parse(ForumKey + ":45"));
        Assert.Equal((ChatKind.ForumTopic, "Science"), (topic?.Kind, topic?.Title));

        await bot.Get<ArticleIngestor>().IngestAsync(Wire, [TestBot.Entry("Glacier survey finds a fifth of the ice gone")], CancellationToken.None);

        var push = await BotApi.WaitForAsync("sendMessage", r => r.ChatId == Forum && r.Text?.Contains("Glacier survey", StringComparison.Ordinal) == true);
        Assert.Equal(45, (int?)push.Body["message_thread_id"]);
    }

    [Fact]
    public async Task AButtonPressedInATopic_ActsOnTheTopic_AndAnswersInIt()
    {
        AForumWithTopics(45);
        await using var bot = await StartBotAsync();
        await SayInTopicAsync(45, "/subscribe glacier");
        var subscribed = BotApi.Sent.Single(m => m.ChatId == Forum && m.Text?.Contains("Subscribed", StringComparison.Ordinal) == true);
        Assert.Equal(45, subscribed.ThreadId);

        BotApi.Enqueue(TelegramUpdates.Callback(subscribed, Admin, "/unsubscribe 1"));

        var stopped = await BotApi.WaitForAsync("sendMessage", r => r.ChatId == Forum && r.Text?.Contains("Stopped #1", StringComparison.Ordinal) == true);
        Assert.Equal(45, (int?)stopped.Body["message_thread_id"]);
        Assert.Empty(await bot.Get<ISubscriptionStore>().ListForChatAsync(ForumKey + ":45", CancellationToken.None));
    }

    [Fact]
    public async Task ADigestSubscribedInATopic_ArrivesInThatTopic()
    {
        AForumWithTopics(45);
        await using var bot = await StartBotAsync();
        var answer = await SayInTopicAsync(45, "/subscribe glacier daily 12:30");
        Assert.Contains("The first digest comes today at 12:30 UTC", answer.Text, StringComparison.Ordinal);
        await bot.Get<ArticleIngestor>().IngestAsync(Wire, [TestBot.Entry("Glacier survey finds a fifth of the ice gone")], CancellationToken.None);

        Clock.Advance(TimeSpan.FromMinutes(31));

        var digest = await BotApi.WaitForAsync("sendMessage", r => r.ChatId == Forum && r.Text?.Contains("Your daily digest: glacier — 1 new", StringComparison.Ordinal) == true);
        Assert.Equal(45, (int?)digest.Body["message_thread_id"]);
    }

    [Fact]
    public async Task TheGeneralTopic_IsTheGroupItself()
    {
        AForumWithTopics();
        await using var bot = await StartBotAsync();

        BotApi.Enqueue(TelegramUpdates.InGeneralTopic(Forum, Admin, "/subscribe glacier"));
        var answer = await TelegramPreviews.ConfirmAsync(BotApi, Forum, Admin);
        Assert.Contains("Subscribed", answer.Text, StringComparison.Ordinal);

        Assert.Null(answer.Body["message_thread_id"]);
        Assert.Single(await bot.Get<ISubscriptionStore>().ListForChatAsync(ForumKey, CancellationToken.None));
        await bot.Get<ArticleIngestor>().IngestAsync(Wire, [TestBot.Entry("Glacier survey finds a fifth of the ice gone")], CancellationToken.None);
        var push = await BotApi.WaitForAsync("sendMessage", r => r.ChatId == Forum && r.Text?.Contains("Glacier survey", StringComparison.Ordinal) == true);
        Assert.Null(push.Body["message_thread_id"]);
    }

    [Fact]
    public async Task SettingsInATopic_AreTheGroups_AndTheTopicFollowsThem()
    {
        AForumWithTopics(45);
        await using var bot = await StartBotAsync();
        await SayInTopicAsync(45, "/subscribe glacier");

        var quiet = await SayInTopicAsync(45, "/quiet 02:00-03:00");

        Assert.Equal(45, (int?)quiet.Body["message_thread_id"]);
        var chats = bot.Get<ChatLifecycle>();
        Assert.Equal("02:00-03:00", chats.Find(ChatAddress.Parse(ForumKey))?.Quiet?.ToString());
        Assert.Equal("02:00-03:00", chats.Find(ChatAddress.Parse(ForumKey + ":45"))?.Quiet?.ToString());
    }

    [Fact]
    public async Task TopicsOfOneGroup_ArePacedByTheGroupsLimit()
    {
        AForumWithTopics(45, 46);
        await using var bot = await StartBotAsync();
        await SayInTopicAsync(45, "/subscribe glacier");
        await SayInTopicAsync(46, "/subscribe glacier");

        // The previews /subscribe answers with list stored glacier stories too; only the new one's pushes count.
        const string Title = "Glacier survey finds a fifth of the ice gone";
        var ingested = Clock.GetUtcNow();
        await bot.Get<ArticleIngestor>().IngestAsync(Wire, [TestBot.Entry(Title)], CancellationToken.None);
        await BotApi.WaitForAsync("sendMessage", r => r.ChatId == Forum && (int?)r.Body["message_thread_id"] == 45 && r.Text?.Contains(Title, StringComparison.Ordinal) == true);
        await BotApi.WaitForAsync("sendMessage", r => r.ChatId == Forum && (int?)r.Body["message_thread_id"] == 46 && r.Text?.Contains(Title, StringComparison.Ordinal) == true);

        // Telegram allows 20 messages a minute to one group, whichever topics they go to: 3 s
        // apart. The first push leaves no earlier than the article was stored, so the second
        // cannot arrive sooner than 3 s after that. (Measured from the first push's arrival the
        // gap can look shorter: a busy machine delays one request by fake seconds, not the other.)
        var pushes = BotApi.Calls("sendMessage").Where(r => r.ChatId == Forum && r.Text?.Contains(Title, StringComparison.Ordinal) == true).OrderBy(r => r.At).ToList();
        Assert.Equal(2, pushes.Count);
        Assert.True(pushes[1].At - ingested >= TimeSpan.FromSeconds(3), $"the second topic's push came {pushes[1].At - ingested} after the article was stored");
    }

    [Fact]
    public async Task AClosedTopic_StopsItsPushes_TellsTheGroupOnce_AndTheOtherTopicGoesOn_UntilItIsReopened()
    {
        AForumWithTopics(45, 46);
        await using var bot = await StartBotAsync();
        await SayInTopicAsync(45, "/subscribe glacier", "Science");
        await SayInTopicAsync(46, "/subscribe glacier", "Climate");
        BotApi.SetTopic(Forum, 45, FakeTelegramServer.TopicState.Closed);

        await bot.Get<ArticleIngestor>().IngestAsync(Wire, [TestBot.Entry("Glacier survey finds a fifth of the ice gone")], CancellationToken.None);

        var notice = await BotApi.WaitForAsync("sendMessage", r => r.ChatId == Forum && r.Succeeded && r.Text?.Contains("Admin notice", StringComparison.Ordinal) == true);
        Assert.Contains("News for the topic “Science” has stopped: the topic was closed or deleted.", notice.Text, StringComparison.Ordinal);
        Assert.Null(notice.Body["message_thread_id"]);
        await BotApi.WaitForAsync("sendMessage", r => r.ChatId == Forum && r.Succeeded && (int?)r.Body["message_thread_id"] == 46 && r.Text?.Contains("Glacier survey", StringComparison.Ordinal) == true);
        var chats = bot.Get<ChatLifecycle>();
        Assert.Equal((false, "the forum topic is closed"), (chats.Find(ChatAddress.Parse(ForumKey + ":45"))?.Active, Shown.InEnglish(chats.Find(ChatAddress.Parse(ForumKey + ":45"))?.InactiveReason)));
        Assert.True(chats.Find(ChatAddress.Parse(ForumKey)) is { Active: true });

        // The next story: the lost topic is not tried again, the other gets it.
        await bot.Get<ArticleIngestor>().IngestAsync(Wire, [TestBot.Entry("Glacier melt doubles in a decade", id: "second")], CancellationToken.None);
        await BotApi.WaitForAsync("sendMessage", r => r.ChatId == Forum && (int?)r.Body["message_thread_id"] == 46 && r.Text?.Contains("Glacier melt", StringComparison.Ordinal) == true);
        await WaitUntilNothingPendingAsync(bot);
        Assert.Single(BotApi.Calls("sendMessage"), r => (int?)r.Body["message_thread_id"] == 45 && r.Text?.Contains("Glacier", StringComparison.Ordinal) == true && !r.Text.Contains("Preview", StringComparison.Ordinal));
        Assert.Single(BotApi.Calls("sendMessage"), r => r.Text?.Contains("Admin notice", StringComparison.Ordinal) == true);
        Assert.Single(await bot.Get<ISubscriptionStore>().ListForChatAsync(ForumKey + ":45", CancellationToken.None));

        BotApi.SetTopic(Forum, 45, FakeTelegramServer.TopicState.Open);
        BotApi.Enqueue(TelegramUpdates.TopicReopened(Forum, 45, Admin));
        await Eventually.WaitUntilAsync(() => chats.Find(ChatAddress.Parse(ForumKey + ":45")) is { Active: true }, "the reopened topic active again");
        await bot.Get<ArticleIngestor>().IngestAsync(Wire, [TestBot.Entry("Glacier lake bursts its banks", id: "third")], CancellationToken.None);
        await BotApi.WaitForAsync("sendMessage", r => r.ChatId == Forum && r.Succeeded && (int?)r.Body["message_thread_id"] == 45 && r.Text?.Contains("Glacier lake", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ADeletedTopic_StopsItsPushes_AndTheGroupIsTold()
    {
        AForumWithTopics(45);
        await using var bot = await StartBotAsync();
        await SayInTopicAsync(45, "/subscribe glacier");
        BotApi.SetTopic(Forum, 45, FakeTelegramServer.TopicState.Deleted);

        await bot.Get<ArticleIngestor>().IngestAsync(Wire, [TestBot.Entry("Glacier survey finds a fifth of the ice gone")], CancellationToken.None);

        var notice = await BotApi.WaitForAsync("sendMessage", r => r.ChatId == Forum && r.Succeeded && r.Text?.Contains("Admin notice", StringComparison.Ordinal) == true);
        Assert.Contains("“News”", notice.Text, StringComparison.Ordinal);
        Assert.Equal("the forum topic was deleted", Shown.InEnglish(bot.Get<ChatLifecycle>().Find(ChatAddress.Parse(ForumKey + ":45"))?.InactiveReason));
        await WaitUntilNothingPendingAsync(bot);
        Assert.Single(BotApi.Calls("sendMessage"), r => (int?)r.Body["message_thread_id"] == 45 && !r.Succeeded);
    }

    [Fact]
    public async Task AnAnnouncement_ReachesTheGroupOnce_NotEachTopic()
    {
        AForumWithTopics(45, 46);
        await using var bot = await StartBotAsync(new Dictionary<string, string?> { ["NewsBot:Admins:0"] = "telegram:9" });
        await SayInTopicAsync(45, "/subscribe glacier");
        await SayInTopicAsync(46, "/subscribe glacier");

        var recipients = bot.Get<AnnouncementAudience>().Recipients();

        Assert.Contains(ForumKey, recipients);
        Assert.DoesNotContain(recipients, k => k.StartsWith(ForumKey + ":", StringComparison.Ordinal));
    }

    private void AForumWithTopics(params int[] topics)
    {
        BotApi.AddForum(Forum, "Test forum");
        BotApi.SetAdmin(Forum, Admin);
        foreach (var topic in topics)
        {
            BotApi.SetTopic(Forum, topic, FakeTelegramServer.TopicState.Open);
        }
    }

    /// <summary>Writes in a topic and returns the bot's next answer in the forum.</summary>
    private async Task<TelegramRequest> SayInTopicAsync(int topic, string text, string topicName = "News")
    {
        var before = BotApi.Calls("sendMessage").Count(r => r.ChatId == Forum && r.Succeeded);
        BotApi.Enqueue(TelegramUpdates.InTopic(Forum, topic, Admin, text, topicName));
        await Eventually.WaitUntilAsync(() => BotApi.Calls("sendMessage").Count(r => r.ChatId == Forum && r.Succeeded) > before, "an answer to " + text);
        var answer = BotApi.Calls("sendMessage").Where(r => r.ChatId == Forum && r.Succeeded).Skip(before).First();

        // A subscription is previewed first: Subscribe is pressed in the topic, under the preview.
        return await TelegramPreviews.ConfirmIfPreviewAsync(BotApi, answer, Admin);
    }

    private static Task WaitUntilNothingPendingAsync(TelegramTestHost bot) =>
        Eventually.WaitUntilAsync(async () => await bot.Get<IOutboxStore>().CountPendingAsync(CancellationToken.None) == 0, "nothing left to send");
}
