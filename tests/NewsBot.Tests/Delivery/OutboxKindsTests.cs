using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsBot.Tests.Delivery;

public sealed class OutboxKindsTests : IDisposable
{
    private readonly FakeComposer _composer = new();
    private readonly TestBot _bot;
    private readonly ScriptedSender _telegram = new();
    private readonly FeedSource _wire;

    public OutboxKindsTests()
    {
        _bot = new TestBot(services: s => s.RemoveAll<IOutboxComposer>().AddSingleton<IOutboxComposer>(_composer));
        _wire = _bot.Source("Wire");
    }

    public void Dispose() => _bot.Dispose();

    private IOutboxStore Outbox => _bot.Get<IOutboxStore>();

    private ChatLifecycle Chats => _bot.Get<ChatLifecycle>();

    [Fact]
    public async Task Announcement_IsComposedWhenSent_AndCountedPerOutcome()
    {
        foreach (var id in new[] { "1", "2", "3" })
        {
            await Chats.ReactivateAsync(new ChatAddress("telegram", id), ChatKind.Private, null, CancellationToken.None);
        }

        await Chats.DeactivateAsync(ChatAddress.Parse("telegram:2"), "blocked by the user", CancellationToken.None);
        _composer.NothingFor.Add("telegram:3");
        var entries = new[] { "telegram:1", "telegram:2", "telegram:3" }
            .Select(chat => OutboxEntry.ForComposed(chat, OutboxKind.Announcement, OutboxKeys.Announcement(chat, "7"), "7", TestBot.Now))
            .ToList();

        Assert.Equal(3, await Outbox.EnqueueAsync(entries, CancellationToken.None));
        Assert.Equal(0, await Outbox.EnqueueAsync(entries, CancellationToken.None));
        Assert.Equal(new OutboxCounts(3, 0, 0, 0), await Outbox.CountForAsync(OutboxKind.Announcement, "7", CancellationToken.None));
        _composer.Text = "Maintenance tonight";
        await DispatchAsync();

        var (chat, reply) = Assert.Single(_telegram.Attempts);
        Assert.Equal("telegram:1", chat.Key);
        Assert.Equal("Maintenance tonight", Assert.IsType<TextBlock>(reply.Blocks[0]).Text);
        Assert.Equal(new OutboxCounts(0, 1, 0, 1), await Outbox.CountForAsync(OutboxKind.Announcement, "7", CancellationToken.None));
        Assert.Equal(new OutboxCounts(0, 0, 0, 0), await Outbox.CountForAsync(OutboxKind.Digest, "7", CancellationToken.None));
    }

    [Fact]
    public async Task Announcement_RefusedOrUnreachable_IsCountedFailedOrBlocked()
    {
        await Chats.ReactivateAsync(ChatAddress.Parse("telegram:1"), ChatKind.Private, null, CancellationToken.None);
        await Chats.ReactivateAsync(ChatAddress.Parse("telegram:2"), ChatKind.Private, null, CancellationToken.None);
        await Outbox.EnqueueAsync([
            OutboxEntry.ForComposed("telegram:1", OutboxKind.Announcement, OutboxKeys.Announcement("telegram:1", "8"), "8", TestBot.Now),
            OutboxEntry.ForComposed("telegram:2", OutboxKind.Announcement, OutboxKeys.Announcement("telegram:2", "8"), "8", TestBot.Now)], CancellationToken.None);
        _telegram.Then(
            new SendOutcome.PermanentFailure("no rights to post in the chat", ChatUnreachable: false),
            new SendOutcome.PermanentFailure("blocked by the user", ChatUnreachable: true));

        await DispatchAsync();

        Assert.Equal(2, _telegram.Attempts.Count);
        Assert.Equal(new OutboxCounts(0, 0, 1, 1), await Outbox.CountForAsync(OutboxKind.Announcement, "8", CancellationToken.None));
        Assert.False(Chats.Find(ChatAddress.Parse(_telegram.Attempts[1].Chat.Key))!.Active);
    }

    [Fact]
    public async Task FinishedEntries_AreDeletedAfterTheirTime_PendingOnesNever()
    {
        await _bot.SubscribeAsync("/subscribe technology");
        await _bot.IngestAsync(_wire, TestBot.Entry("Robot one"));
        await DispatchAsync();
        await _bot.IngestAsync(_wire, TestBot.Entry("Robot two"));
        await Chats.SetQuietHoursAsync(ChatAddress.Parse("telegram:1"), new QuietHours(new TimeOnly(0, 0), new TimeOnly(23, 59)), CancellationToken.None);
        await _bot.IngestAsync(_wire, TestBot.Entry("Chip three"));

        var deleted = await Outbox.DeleteFinishedBeforeAsync(_bot.Time.GetUtcNow().AddMinutes(1), CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal(2, await Outbox.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Digest_WithoutAComposer_IsDroppedNotRetriedForever()
    {
        var key = OutboxKeys.Digest("telegram:1", 4, new DateOnly(2026, 11, 28));
        await Outbox.EnqueueAsync([OutboxEntry.ForComposed("telegram:1", OutboxKind.Digest, key, "4", TestBot.Now)], CancellationToken.None);

        await DispatchAsync();

        Assert.Empty(_telegram.Attempts);
        Assert.Equal(0, await Outbox.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task QuietHours_HoldInstantPushesUntilTheWindowEnds_InTheChatsZone()
    {
        await _bot.SubscribeAsync("/subscribe technology");
        await Chats.SetTimeZoneAsync(ChatAddress.Parse("telegram:1"), "Europe/Berlin", CancellationToken.None);
        await Chats.SetQuietHoursAsync(ChatAddress.Parse("telegram:1"), new QuietHours(new TimeOnly(12, 0), new TimeOnly(15, 30)), CancellationToken.None);

        await _bot.IngestAsync(_wire, TestBot.Entry("Robot news"));
        await DispatchAsync();
        Assert.Empty(_telegram.Attempts);

        // 13:00 in Berlin is 12:00 UTC in November; the window ends at 15:30 Berlin, 14:30 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 14, 30, 0, TimeSpan.Zero), (await Outbox.FindAsync("telegram:1", 1, CancellationToken.None))!.NextAttemptAt);
        _bot.Time.Advance(TimeSpan.FromHours(2.5));
        await DispatchAsync();

        Assert.Single(_telegram.Delivered);
    }

    [Fact]
    public async Task StoriesArrivingTogether_AreOneEntry_FoundByEachStory()
    {
        await _bot.SubscribeAsync("/subscribe technology");

        var stored = await _bot.IngestAsync(_wire, TestBot.Entry("Robot one", hoursAgo: 1), TestBot.Entry("Chip two", hoursAgo: 2));

        var first = await Outbox.FindAsync("telegram:1", stored[0].StoryLeadId, CancellationToken.None);
        var second = await Outbox.FindAsync("telegram:1", stored[1].StoryLeadId, CancellationToken.None);
        Assert.NotNull(first);
        Assert.Equal(first.Id, second?.Id);
        Assert.Equal(OutboxKind.Story, first.Kind);
        Assert.Equal(stored.Select(a => a.Id), first.ArticleIds);
        Assert.Null(await Outbox.FindAsync("telegram:2", stored[0].StoryLeadId, CancellationToken.None));
        Assert.Equal(1, await Outbox.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ChatStore_QuietHoursAndMutedAnnouncements_ArePersisted_AndActiveChatsListed()
    {
        await Chats.ReactivateAsync(ChatAddress.Parse("telegram:1"), ChatKind.Private, null, CancellationToken.None);
        await Chats.ReactivateAsync(ChatAddress.Parse("telegram:2"), ChatKind.Group, "Readers", CancellationToken.None);
        await Chats.ReactivateAsync(ChatAddress.Parse("discord:3"), ChatKind.GuildChannel, "news", CancellationToken.None);
        await Chats.DeactivateAsync(ChatAddress.Parse("telegram:2"), "removed", CancellationToken.None);

        await Chats.SetQuietHoursAsync(ChatAddress.Parse("telegram:1"), new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)), CancellationToken.None);
        await Chats.SetAnnouncementsMutedAsync(ChatAddress.Parse("telegram:1"), true, CancellationToken.None);
        await Chats.SetQuietHoursAsync(ChatAddress.Parse("telegram:404"), new QuietHours(new TimeOnly(1, 0), new TimeOnly(2, 0)), CancellationToken.None);

        var chat = Chats.Find(ChatAddress.Parse("telegram:1"))!;
        Assert.Equal("22:00-07:00", chat.Quiet?.ToString());
        Assert.True(chat.AnnouncementsMuted);
        Assert.Null(Chats.Find(ChatAddress.Parse("telegram:404")));
        Assert.Equal(["discord:3", "telegram:1"], Chats.ActiveChatKeys().Order(StringComparer.Ordinal));
        Assert.Equal(["telegram:1"], Chats.ActiveChatKeys("telegram"));

        await Chats.SetQuietHoursAsync(ChatAddress.Parse("telegram:1"), null, CancellationToken.None);
        Assert.Null(Chats.Find(ChatAddress.Parse("telegram:1"))!.Quiet);
    }

    private async Task DispatchAsync()
    {
        var round = _bot.Get<DeliveryDispatcher>().DispatchRoundAsync(_telegram, CancellationToken.None, CancellationToken.None);
        for (var i = 0; i < 1000 && !round.IsCompleted; i++)
        {
            await Task.Delay(1);
            _bot.Time.Advance(TimeSpan.FromMilliseconds(250));
        }

        await round.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class FakeComposer : IOutboxComposer
    {
        public string Text { get; set; } = "";

        public HashSet<string> NothingFor { get; } = new(StringComparer.Ordinal);

        public OutboxKind Kind => OutboxKind.Announcement;

        public ValueTask<Reply?> ComposeAsync(OutboxEntry entry, CancellationToken cancellationToken) =>
            ValueTask.FromResult(NothingFor.Contains(entry.ChatKey) ? null : new Reply { Blocks = [new TextBlock(Text)] });
    }
}
