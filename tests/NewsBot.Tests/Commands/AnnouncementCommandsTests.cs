namespace NewsBot.Tests.Commands;

public sealed class AnnouncementCommandsTests : IDisposable
{
    private const string Admin = "telegram:99";
    private const string Group = "telegram:-1001";
    private readonly DeliveryRig _rig = new(o => o.Admins.Add(Admin));

    public AnnouncementCommandsTests()
    {
        // Four chats the bot knows: two people, a group, and one that turns announcements off.
        foreach (var person in new[] { "telegram:1", "telegram:2", "telegram:3" })
        {
            Bot.SendAsync("/start", chat: person, user: person).GetAwaiter().GetResult();
        }

        Bot.SendAsync("/start", ChatKind.Group, isChatAdmin: false, chat: Group, user: "telegram:1").GetAwaiter().GetResult();
        Bot.SendAsync("/unsubscribe announcements", chat: "telegram:3", user: "telegram:3").GetAwaiter().GetResult();
        Bot.SendAsync("/start", chat: "discord:555", user: "discord:555").GetAwaiter().GetResult(); // no Discord sender here
    }

    public void Dispose() => _rig.Dispose();

    private TestBot Bot => _rig.Bot;

    private Task<Reply?> AsAdminAsync(string text, ChatKind kind = ChatKind.Private, string chat = Admin) =>
        Bot.ReplyToAsync(text, kind, isChatAdmin: true, user: Admin, chat: chat);

    private static string Render(Reply? reply) => Flat.Text(NewsBot.Platforms.Terminal.TerminalRenderer.Render(reply!, TestBot.Now));

    /// <summary>Queues confirmed announcements, sends everything, and makes the reports, until nothing moves.</summary>
    private async Task DeliverAllAsync()
    {
        for (var round = 0; round < 4; round++)
        {
            await Bot.Get<AnnouncementFanOut>().QueueConfirmedAsync(CancellationToken.None);
            await _rig.DispatchAsync();
            await Bot.Get<AnnouncementReporter>().ReportFinishedAsync(CancellationToken.None);
            await _rig.DispatchAsync();
        }
    }

    private List<string> Receivers(string text) =>
        _rig.Telegram.Attempts.Where(a => Render(a.Reply).Contains(text, StringComparison.Ordinal)).Select(a => a.Chat.Key).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Announce_ShowsAPreview_WithSendAndCancelButtons_AndSendsNothingYet()
    {
        var preview = await AsAdminAsync("/announce Maintenance tonight at 22:00 UTC");

        var text = Render(preview);
        Assert.Contains("Preview of announcement #1", text, StringComparison.Ordinal);
        Assert.Contains("Maintenance tonight at 22:00 UTC", text, StringComparison.Ordinal);
        Assert.Equal(["Send to 4 chats", "Cancel"], preview!.Buttons.Select(b => b.Label));
        Assert.Equal(["/announce send 1", "/announce cancel 1"], preview.Buttons.Select(b => b.Command));

        await DeliverAllAsync();
        Assert.Empty(_rig.Telegram.Attempts);
    }

    [Fact]
    public async Task Confirm_SendsToEveryActiveChatThatDidNotOptOut_ThenReportsToTheAuthor()
    {
        await AsAdminAsync("/announce Maintenance tonight");
        var confirmed = Render(await AsAdminAsync("/announce send 1"));
        await DeliverAllAsync();

        Assert.Contains("on its way to 4 chats", confirmed, StringComparison.Ordinal);
        Assert.Equal([Group, "telegram:1", "telegram:2", Admin], Receivers("Maintenance tonight"));
        var report = Assert.Single(_rig.Telegram.Attempts, a => Render(a.Reply).Contains("delivered:", StringComparison.Ordinal));
        Assert.Equal(Admin, report.Chat.Key);
        Assert.Contains("Announcement #1 delivered: 4 sent, 0 failed, 0 blocked", Render(report.Reply), StringComparison.Ordinal);
        Assert.Equal(AnnouncementState.Delivered, (await Bot.Get<IAnnouncementStore>().GetAsync(1, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Report_CountsFailedAndBlockedChats()
    {
        await AsAdminAsync("/announce Maintenance tonight");
        await AsAdminAsync("/announce send 1");
        await Bot.Get<AnnouncementFanOut>().QueueConfirmedAsync(CancellationToken.None);

        _rig.Telegram.Always(Group, new SendOutcome.PermanentFailure("the bot was removed from the group", ChatUnreachable: true));
        _rig.Telegram.Always("telegram:1", new SendOutcome.PermanentFailure("message is too long", ChatUnreachable: false));
        _rig.Telegram.Always("telegram:2", new SendOutcome.PermanentFailure("blocked by the user", ChatUnreachable: true));
        await DeliverAllAsync();

        var report = Assert.Single(Receivers("delivered:"));
        Assert.Equal(Admin, report);
        Assert.Contains(_rig.Telegram.Attempts, a => Render(a.Reply).Contains("1 sent, 1 failed, 2 blocked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConfirmPressedTwice_SendsOnce()
    {
        await AsAdminAsync("/announce Maintenance tonight");

        await AsAdminAsync("/announce send 1");
        await Bot.Get<AnnouncementFanOut>().QueueConfirmedAsync(CancellationToken.None);
        var again = Render(await AsAdminAsync("/announce send 1"));
        await DeliverAllAsync();
        var afterReport = Render(await AsAdminAsync("/announce send 1"));

        Assert.Contains("already on its way; it is not sent twice", again, StringComparison.Ordinal);
        Assert.Contains("was already sent", afterReport, StringComparison.Ordinal);
        Assert.Equal(4, Receivers("Maintenance tonight").Count);
    }

    [Fact]
    public async Task QueueingAgainAfterACrash_AddsOnlyWhatIsMissing()
    {
        await AsAdminAsync("/announce Maintenance tonight");
        await AsAdminAsync("/announce send 1");

        var first = await Bot.Get<AnnouncementFanOut>().QueueConfirmedAsync(CancellationToken.None);
        var queued = (await Bot.Get<IAnnouncementStore>().GetAsync(1, CancellationToken.None))!;
        var outbox = _rig.Outbox;
        var again = await outbox.EnqueueAsync(Bot.Get<AnnouncementAudience>().Recipients()
            .Select(k => OutboxEntry.ForComposed(k, OutboxKind.Announcement, OutboxKeys.Announcement(k, "1"), "1", Bot.Time.GetUtcNow()))
            .ToList(), CancellationToken.None);

        Assert.Equal(4, first);
        Assert.Equal(0, again);
        Assert.True(queued.Queued);
        Assert.Equal(4, queued.Recipients);
    }

    [Fact]
    public async Task Cancel_SendsNothing_AndASendAfterwardsIsRefused()
    {
        await AsAdminAsync("/announce Maintenance tonight");

        Assert.Contains("Cancelled announcement #1", Render(await AsAdminAsync("/announce cancel 1")), StringComparison.Ordinal);
        Assert.Contains("was cancelled, so it cannot be sent", Render(await AsAdminAsync("/announce send 1")), StringComparison.Ordinal);
        await DeliverAllAsync();

        Assert.Empty(_rig.Telegram.Attempts);
    }

    [Fact]
    public async Task CancelAfterSending_CannotCallItBack()
    {
        await AsAdminAsync("/announce Maintenance tonight");
        await AsAdminAsync("/announce send 1");

        Assert.Contains("cannot be called back", Render(await AsAdminAsync("/announce cancel 1")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/announce", "What should every chat hear?")]
    [InlineData("/announce send 7", "There is no announcement #7")]
    [InlineData("/announce cancel 7", "There is no announcement #7")]
    public async Task Announce_BadInput_SaysWhatToType(string command, string expected)
    {
        Assert.Contains(expected, Render(await AsAdminAsync(command)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Announce_TooLong_IsRefused_NotCutShort()
    {
        var answer = Render(await AsAdminAsync("/announce " + string.Concat(Enumerable.Repeat("word ", 1000))));

        Assert.Contains("an announcement can have at most 1,900 characters", answer, StringComparison.Ordinal);
        Assert.Empty(await Bot.Get<IAnnouncementStore>().RecentAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task Announce_ByAnyoneElse_IsRefused_EvenAChatAdmin()
    {
        var answer = await Flat.Of(Bot.SendAsync("/announce Free pizza", ChatKind.Group, isChatAdmin: true, chat: Group, user: "telegram:1"));
        var send = await Flat.Of(Bot.SendAsync("/announce send 1", user: "telegram:1"));

        Assert.Contains("for the bot's admins only", answer, StringComparison.Ordinal);
        Assert.Contains("for the bot's admins only", send, StringComparison.Ordinal);
        Assert.Empty(await Bot.Get<IAnnouncementStore>().RecentAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task OptingBackIn_ReceivesTheNextOne()
    {
        var answer = await Flat.Of(Bot.SendAsync("/subscribe announcements", chat: "telegram:3", user: "telegram:3"));
        await AsAdminAsync("/announce Maintenance tonight");
        await AsAdminAsync("/announce send 1");
        await DeliverAllAsync();

        Assert.Contains("receives announcements from the bot's admins again", answer, StringComparison.Ordinal);
        Assert.Contains("telegram:3", Receivers("Maintenance tonight"));
    }

    [Fact]
    public async Task OptOut_InGroupByNonAdmin_IsRefused()
    {
        var answer = await Flat.Of(Bot.SendAsync("/unsubscribe announcements", ChatKind.Group, isChatAdmin: false, chat: Group, user: "telegram:2"));

        Assert.Contains("Only this chat's admins", answer, StringComparison.Ordinal);
        Assert.False(Bot.Get<ChatLifecycle>().Find(ChatAddress.Parse(Group))!.AnnouncementsMuted);
    }

    [Fact]
    public async Task OptOut_IsPersisted_AndShownInSubscriptions()
    {
        await Bot.SubscribeAsync("/subscribe technology", chat: "telegram:3", user: "telegram:3");

        Assert.True(Bot.Get<ChatLifecycle>().Find(ChatAddress.Parse("telegram:3"))!.AnnouncementsMuted);
        Assert.Contains("Announcements from the bot's admins are off here", await Flat.Of(Bot.SendAsync("/subscriptions", chat: "telegram:3", user: "telegram:3")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredChannels_ReceiveItToo_OnPlatformsTheBotSendsTo()
    {
        Bot.Channels.Channels.Add(new ChatAddress("telegram", "@newsbot_news"));
        Bot.Channels.Channels.Add(new ChatAddress("discord", "81234"));

        var preview = await AsAdminAsync("/announce Maintenance tonight");
        await AsAdminAsync("/announce send 1");
        await DeliverAllAsync();

        Assert.Contains("and to 1 announcement channel", Render(preview), StringComparison.Ordinal);
        Assert.Equal("Send to 5 chats", preview!.Buttons[0].Label);
        var toChannel = Assert.Single(_rig.Telegram.Attempts, a => a.Chat.Key == "telegram:@newsbot_news");
        Assert.DoesNotContain("/unsubscribe announcements", Render(toChannel.Reply), StringComparison.Ordinal);
        Assert.True(toChannel.Reply.PublishToFollowers);
        Assert.All(_rig.Telegram.Attempts.Where(a => a.Chat.Key != "telegram:@newsbot_news"), a => Assert.False(a.Reply.PublishToFollowers));
    }

    [Fact]
    public async Task WrittenInAGroup_TheReportGoesToTheAdminsThroughTheNotifier()
    {
        await AsAdminAsync("/announce Maintenance tonight", ChatKind.Group, Group);
        var confirmed = Render(await AsAdminAsync("/announce send 1", ChatKind.Group, Group));
        await DeliverAllAsync();

        Assert.Contains("goes to the bot's admins", confirmed, StringComparison.Ordinal);
        Assert.Equal(["Announcement #1 delivered: 3 sent, 0 failed, 0 blocked"], Bot.Admins.Messages);
        Assert.Empty(Receivers("delivered:"));
    }

    [Fact]
    public async Task Announcements_ListsPastOnesWithTheirCounts()
    {
        await AsAdminAsync("/announce Maintenance tonight");
        await AsAdminAsync("/announce send 1");
        await DeliverAllAsync();
        await AsAdminAsync("/announce A second thought");
        await AsAdminAsync("/announce cancel 2");
        await AsAdminAsync("/announce Still a draft");

        var list = Render(await AsAdminAsync("/announcements"));

        Expect.ContainsAll(
            list,
            "#1 · 28 Nov 2026 12:00 UTC · delivered to 4: 4 sent, 0 failed, 0 blocked", "#2", "cancelled",
            "#3 · 28 Nov 2026 12:00 UTC · preview only, not sent");
        Assert.True(list.IndexOf("#3", StringComparison.Ordinal) < list.IndexOf("#1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Announcements_WhileSending_ShowsWhatIsStillWaiting()
    {
        await AsAdminAsync("/announce Maintenance tonight");
        await AsAdminAsync("/announce send 1");
        await Bot.Get<AnnouncementFanOut>().QueueConfirmedAsync(CancellationToken.None);

        var list = Render(await AsAdminAsync("/announcements"));

        Assert.Contains("sending to 4: 4 waiting, 0 sent, 0 failed, 0 blocked", list, StringComparison.Ordinal);
    }

    [Fact]
    public void ButtonCommands_FitTelegramsLimit_ForTheLargestId()
    {
        Assert.NotNull(ReplyButton.TryForCommand("Send", NewsBot.Core.Commands.Handlers.AnnounceHandler.SendCommand(int.MaxValue)));
        Assert.NotNull(ReplyButton.TryForCommand("Cancel", $"/announce cancel {int.MaxValue}"));
    }

    [Fact]
    public async Task ManyChats_AreQueuedInBatches_EachOnce()
    {
        var chats = Bot.Get<ChatLifecycle>();
        for (var i = 0; i < 2 * AnnouncementFanOut.BatchSize + 10; i++)
        {
            await chats.ReactivateAsync(new ChatAddress("telegram", (10_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)), ChatKind.Private, null, CancellationToken.None);
        }

        await AsAdminAsync("/announce Maintenance tonight");
        await AsAdminAsync("/announce send 1");

        var added = await Bot.Get<AnnouncementFanOut>().QueueConfirmedAsync(CancellationToken.None);

        Assert.Equal(2 * AnnouncementFanOut.BatchSize + 10 + 4, added);
        Assert.Equal(added, (await _rig.Outbox.CountForAsync(OutboxKind.Announcement, "1", CancellationToken.None)).Pending);
        Assert.Equal(0, await Bot.Get<AnnouncementFanOut>().QueueConfirmedAsync(CancellationToken.None));
    }
}
