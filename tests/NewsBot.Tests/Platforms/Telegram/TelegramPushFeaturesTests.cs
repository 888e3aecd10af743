namespace NewsBot.Tests.Platforms.Telegram;

/// <summary>
/// Announcements and digests through the whole bot: the real host and its hosted services, the
/// real Telegram client against the fake Bot API, on a fake clock the host's pump moves on.
/// </summary>
public sealed class TelegramPushFeaturesTests : FakeClockTelegramTests
{
    private const long Admin = 7;

    [Fact]
    public async Task AdminPressesSend_EveryChatAndTheChannelGetItOnce_AndTheAdminGetsTheReport()
    {
        await using var bot = await TelegramTestHost.StartAsync(BotApi, Data.Path, new Dictionary<string, string?>
        {
            ["NewsBot:Admins:0"] = "telegram:7",
            ["Telegram:AnnouncementChannels:0"] = "@newsbot_news",
        }, Clock);
        foreach (var chat in new[] { "9301", "9302" })
        {
            await bot.Get<ChatLifecycle>().ReactivateAsync(new ChatAddress("telegram", chat), ChatKind.Private, null, CancellationToken.None);
        }

        BotApi.Enqueue(TelegramChats.Say(Admin, "/announce Maintenance tonight at 22:00 UTC"));
        await BotApi.WaitForSendAsync(Admin);
        var preview = BotApi.Sent.Single(m => m.ChatId == Admin);
        var buttons = BotApi.Calls("sendMessage").Single(r => r.ChatId == Admin).Buttons;
        Assert.Equal(("Send to 4 chats", "c:/announce send 1"), (buttons[0].Text, buttons[0].Data));

        BotApi.Enqueue(TelegramUpdates.Callback(preview, Admin, "c:/announce send 1"));
        await BotApi.WaitForSendAsync(9301);
        await BotApi.WaitForSendAsync(9302);
        await BotApi.WaitForAsync("sendMessage", r => r.Text?.Contains("Announcement #1 delivered: 4 sent, 0 failed, 0 blocked", StringComparison.Ordinal) == true);
        BotApi.Enqueue(TelegramUpdates.Callback(preview, Admin, "c:/announce send 1"));
        await BotApi.WaitForAsync("sendMessage", r => r.Text?.Contains("was already sent", StringComparison.Ordinal) == true);

        var announcements = BotApi.Calls("sendMessage").Where(r => r.Succeeded && r.Text?.Contains("Maintenance tonight", StringComparison.Ordinal) == true && r.Text.Contains("Announcement", StringComparison.Ordinal)).ToList();
        Assert.Single(announcements, r => r.ChatId == 9301);
        Assert.Single(announcements, r => r.ChatId == 9302);
        Assert.Single(announcements, r => r.Body["chat_id"] is JsonValue id && id.TryGetValue<string>(out var name) && name == "@newsbot_news");
        Assert.Equal(0, (await bot.Get<IOutboxStore>().CountForAsync(OutboxKind.Announcement, "1", CancellationToken.None)).Pending);
    }

    [Fact]
    public async Task DailyDigest_ArrivesAtItsTime_ThroughTheHostedScheduler()
    {
        await using var bot = await StartBotAsync();
        BotApi.Enqueue(TelegramChats.Say(9401, "/subscribe glacier daily 12:30", userId: 9401));
        await TelegramPreviews.ConfirmAsync(BotApi, 9401, 9401);
        await BotApi.WaitForAsync("sendMessage", r => r.ChatId == 9401 && r.Text?.Contains("The first digest comes today at 12:30 UTC", StringComparison.Ordinal) == true);
        var wire = await bot.Get<NewsBot.Core.Articles.ISourceStore>().EnsureAsync("Wire", "https://wire.example/feed", [], fromConfiguration: true, CancellationToken.None);
        await bot.Get<ArticleIngestor>().IngestAsync(wire, [TestBot.Entry("Glacier survey finds a fifth of the ice gone")], CancellationToken.None);

        Clock.Advance(TimeSpan.FromMinutes(31));

        var digest = await BotApi.WaitForAsync("sendMessage", r => r.ChatId == 9401 && r.Text?.Contains("Your daily digest: glacier — 1 new", StringComparison.Ordinal) == true);
        Assert.Contains("Glacier survey finds a fifth of the ice gone", digest.Text, StringComparison.Ordinal);
    }
}
