namespace NewsBot.Tests.Platforms.Telegram;

/// <summary>
/// Announcements and digests through the whole bot: the real host and its hosted services, the
/// real Telegram client against the fake Bot API, on a fake clock the host's pump moves on.
/// </summary>
public sealed class TelegramPushFeaturesTests : IAsyncLifetime, IDisposable
{
    private const long Admin = 7;
    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _clock = new(TestBot.Now);
    private FakeTelegramServer _telegram = null!;

    public async Task InitializeAsync()
    {
        _telegram = await FakeTelegramServer.StartAsync();
        _telegram.Clock = _clock;
    }

    public async Task DisposeAsync() => await _telegram.DisposeAsync();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task AdminPressesSend_EveryChatAndTheChannelGetItOnce_AndTheAdminGetsTheReport()
    {
        await using var bot = await TelegramTestHost.StartAsync(_telegram, _data.Path, new Dictionary<string, string?>
        {
            ["NewsBot:Admins:0"] = "telegram:7",
            ["Telegram:AnnouncementChannels:0"] = "@newsbot_news",
        }, _clock);
        foreach (var chat in new[] { "9301", "9302" })
        {
            await bot.Get<ChatLifecycle>().ReactivateAsync(new ChatAddress("telegram", chat), ChatKind.Private, null, CancellationToken.None);
        }

        _telegram.Enqueue(TelegramChats.Say(Admin, "/announce Maintenance tonight at 22:00 UTC"));
        await _telegram.WaitForSendAsync(Admin);
        var preview = _telegram.Sent.Single(m => m.ChatId == Admin);
        var buttons = _telegram.Calls("sendMessage").Single(r => r.ChatId == Admin).Buttons;
        Assert.Equal(("Send to 4 chats", "c:/announce send 1"), (buttons[0].Text, buttons[0].Data));

        _telegram.Enqueue(TelegramUpdates.Callback(preview, Admin, "c:/announce send 1"));
        await _telegram.WaitForSendAsync(9301);
        await _telegram.WaitForSendAsync(9302);
        await _telegram.WaitForAsync("sendMessage", r => r.Text?.Contains("Announcement #1 delivered: 4 sent, 0 failed, 0 blocked", StringComparison.Ordinal) == true);
        _telegram.Enqueue(TelegramUpdates.Callback(preview, Admin, "c:/announce send 1"));
        await _telegram.WaitForAsync("sendMessage", r => r.Text?.Contains("was already sent", StringComparison.Ordinal) == true);

        var announcements = _telegram.Calls("sendMessage").Where(r => r.Succeeded && r.Text?.Contains("Maintenance tonight", StringComparison.Ordinal) == true && r.Text.Contains("Announcement", StringComparison.Ordinal)).ToList();
        Assert.Single(announcements, r => r.ChatId == 9301);
        Assert.Single(announcements, r => r.ChatId == 9302);
        Assert.Single(announcements, r => r.Body["chat_id"] is JsonValue id && id.TryGetValue<string>(out var name) && name == "@newsbot_news");
        Assert.Equal(0, (await bot.Get<IOutboxStore>().CountForAsync(OutboxKind.Announcement, "1", CancellationToken.None)).Pending);
    }

    [Fact]
    public async Task DailyDigest_ArrivesAtItsTime_ThroughTheHostedScheduler()
    {
        await using var bot = await TelegramTestHost.StartAsync(_telegram, _data.Path, clock: _clock);
        _telegram.Enqueue(TelegramChats.Say(9401, "/subscribe glacier daily 12:30", userId: 9401));
        await _telegram.WaitForAsync("sendMessage", r => r.ChatId == 9401 && r.Text?.Contains("The first digest comes today at 12:30 UTC", StringComparison.Ordinal) == true);
        var wire = await bot.Get<NewsBot.Core.Articles.ISourceStore>().EnsureAsync("Wire", "https://wire.example/feed", [], fromConfiguration: true, CancellationToken.None);
        await bot.Get<ArticleIngestor>().IngestAsync(wire, [TestBot.Entry("Glacier survey finds a fifth of the ice gone")], CancellationToken.None);

        _clock.Advance(TimeSpan.FromMinutes(31));

        var digest = await _telegram.WaitForAsync("sendMessage", r => r.ChatId == 9401 && r.Text?.Contains("Your daily digest: glacier — 1 new", StringComparison.Ordinal) == true);
        Assert.Contains("Glacier survey finds a fifth of the ice gone", digest.Text, StringComparison.Ordinal);
    }
}
