using LiteDB;

namespace NewsBot.Tests.Delivery;

/// <summary>Admin notices go through the outbox and the dispatcher like every other push.</summary>
public sealed class AdminNoticeTests : IDisposable
{
    private const string Disabled = "The source \"Wire\" was disabled.";

    private readonly DeliveryRig _rig = new(o => o.Admins = ["telegram:42", "discord:7", "Telegram:43"]);

    public void Dispose() => _rig.Dispose();

    private AdminNotifier Notifier => _rig.Bot.Get<AdminNotifier>();

    private ChatLifecycle Chats => _rig.Bot.Get<ChatLifecycle>();

    [Fact]
    public async Task Notify_QueuesOneEntryPerAdminOnAConnectedPlatform_AndTheDispatcherSendsThem()
    {
        await Notifier.NotifyAsync("source-disabled:1:0", _ => Disabled, CancellationToken.None);

        Assert.Empty(_rig.Telegram.Attempts);
        Assert.Equal(new OutboxCounts(2, 0, 0, 0), await _rig.Outbox.CountForAsync(OutboxKind.AdminNotice, "source-disabled:1:0", CancellationToken.None));
        Assert.Equal(2, await _rig.DispatchAsync());

        Assert.Equal(["telegram:42", "telegram:43"], _rig.Telegram.Delivered.Select(s => s.Chat.Key).Order(StringComparer.Ordinal));
        Assert.All(_rig.Telegram.Delivered, s => Assert.Equal("Admin notice: " + Disabled, Assert.IsType<TextBlock>(Assert.Single(s.Reply.Blocks)).Text));
        Assert.Equal(new OutboxCounts(0, 2, 0, 0), await _rig.Outbox.CountForAsync(OutboxKind.AdminNotice, "source-disabled:1:0", CancellationToken.None));
    }

    [Fact]
    public async Task Notify_DiscordAdmin_GoesToTheirDirectMessages()
    {
        var discord = new ScriptedSender("discord");
        using var rig = new DeliveryRig(o => o.Admins = ["discord:80351110224678912"], s => s.AddSingleton<IChatSender>(discord));

        await rig.Bot.Get<AdminNotifier>().NotifyAsync("source-disabled:1:0", _ => Disabled, CancellationToken.None);

        Assert.Equal(1, await rig.DispatchAsync(discord));
        Assert.Equal(["discord:dm:80351110224678912"], discord.Delivered.Select(s => s.Chat.Key));
    }

    [Fact]
    public async Task Notify_SameEventAgain_AddsNothing_WhileAnotherEventWithTheSameWordsIsSentToo()
    {
        await Notifier.NotifyAsync("source-disabled:1:0", _ => Disabled, CancellationToken.None);
        await Notifier.NotifyAsync("source-disabled:1:0", _ => Disabled, CancellationToken.None);
        await Notifier.NotifyAsync("source-disabled:1:1764331200000", _ => Disabled, CancellationToken.None);

        await _rig.DispatchAsync();

        Assert.Equal(2, _rig.Telegram.Delivered.Count(s => s.Chat.Key == "telegram:42"));
        Assert.Equal(new OutboxCounts(0, 2, 0, 0), await _rig.Outbox.CountForAsync(OutboxKind.AdminNotice, "source-disabled:1:0", CancellationToken.None));
        Assert.Equal(new OutboxCounts(0, 2, 0, 0), await _rig.Outbox.CountForAsync(OutboxKind.AdminNotice, "source-disabled:1:1764331200000", CancellationToken.None));
    }

    [Fact]
    public async Task Notify_InTheAdminsQuietHours_IsNotHeld_WhileTheirNewsWaits()
    {
        await _rig.Bot.SubscribeAsync("/subscribe technology", user: "telegram:42", chat: "telegram:42");
        await Chats.SetQuietHoursAsync(ChatAddress.Parse("telegram:42"), new QuietHours(new TimeOnly(0, 0), new TimeOnly(23, 59)), CancellationToken.None);

        await _rig.NewsAsync("Robot arm learns to fold laundry");
        await Notifier.NotifyAsync("source-disabled:1:0", _ => Disabled, CancellationToken.None);
        await _rig.DispatchAsync();

        var (_, reply) = Assert.Single(_rig.Telegram.Delivered, s => s.Chat.Key == "telegram:42");
        Assert.Equal("Admin notice: " + Disabled, Assert.IsType<TextBlock>(reply.Blocks[0]).Text);
        Assert.Equal(1, await _rig.Outbox.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task BlockedAdminChat_IsTriedOnce_ThenLeftAlone_AndTheOtherAdminStillHears()
    {
        await Chats.ReactivateAsync(ChatAddress.Parse("telegram:42"), ChatKind.Private, null, CancellationToken.None);
        _rig.Telegram.Always("telegram:42", new SendOutcome.PermanentFailure("blocked by the user", ChatUnreachable: true));

        await Notifier.NotifyAsync("source-disabled:1:0", _ => Disabled, CancellationToken.None);
        await _rig.DispatchAsync();
        await _rig.DispatchAsync();
        await Notifier.NotifyAsync("source-disabled:2:0", _ => "The source \"Ticker\" was disabled.", CancellationToken.None);
        await _rig.DispatchAsync();

        Assert.Single(_rig.Telegram.Attempts, s => s.Chat.Key == "telegram:42");
        Assert.Equal(2, _rig.Telegram.Delivered.Count(s => s.Chat.Key == "telegram:43"));
        Assert.False(Chats.Find(ChatAddress.Parse("telegram:42"))!.Active);
        Assert.Equal(new OutboxCounts(0, 1, 0, 1), await _rig.Outbox.CountForAsync(OutboxKind.AdminNotice, "source-disabled:1:0", CancellationToken.None));
        Assert.Equal(new OutboxCounts(0, 1, 0, 1), await _rig.Outbox.CountForAsync(OutboxKind.AdminNotice, "source-disabled:2:0", CancellationToken.None));
        Assert.Equal(0, await _rig.Outbox.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Outbox_WrittenBeforeNoticesExisted_StillReads_AndANoticeKeepsItsWords()
    {
        // An entry as older versions wrote it: no Text field at all.
        _rig.Bot.Get<NewsBotDatabase>().Database.GetCollection("outbox", BsonAutoId.Int64).Insert(new BsonDocument
        {
            ["DedupKey"] = "telegram:5|announcement:1",
            ["ChatKey"] = "telegram:5",
            ["Platform"] = "telegram",
            ["Kind"] = "Announcement",
            ["Reference"] = "1",
            ["State"] = "Pending",
            ["Attempts"] = 0,
            ["NextAttemptAt"] = TestBot.Now.UtcDateTime,
            ["CreatedAt"] = TestBot.Now.UtcDateTime,
        });

        await Notifier.NotifyAsync("source-disabled:1:0", _ => Disabled, CancellationToken.None);
        var due = await _rig.Outbox.DueAsync("telegram", TestBot.Now, 10, CancellationToken.None);

        var old = Assert.Single(due, e => e.Kind == OutboxKind.Announcement);
        Assert.Equal(("telegram:5", "1", (string?)null), (old.ChatKey, old.Reference, old.Text));
        Assert.All(due.Where(e => e.Kind == OutboxKind.AdminNotice), e => Assert.Equal(Disabled, e.Text));
        Assert.Equal(2, due.Count(e => e.Kind == OutboxKind.AdminNotice));
    }
}
