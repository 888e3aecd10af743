namespace NewsBot.Tests.Commands;

/// <summary>Announcements over many chats: bounded in count, with a generous ceiling on time.</summary>
public sealed class AnnouncementScaleTests : IDisposable
{
    private const string Admin = "telegram:99";
    private readonly DeliveryRig _rig = new(o => o.Admins.Add(Admin));

    public void Dispose() => _rig.Dispose();

    [Fact]
    public async Task HundredThousandChats_ArePreviewed_ThenQueuedInBatches_OnceEach()
    {
        var expected = Seed(100_000);
        await _rig.Bot.Get<ChatLifecycle>().RebuildAsync(CancellationToken.None);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var preview = await _rig.Bot.ReplyToAsync("/announce Maintenance tonight", user: Admin, chat: Admin);
        await _rig.Bot.ReplyToAsync("/announce send 1", user: Admin, chat: Admin);
        var added = await _rig.Bot.Get<AnnouncementFanOut>().QueueConfirmedAsync(CancellationToken.None);
        var again = await _rig.Bot.Get<AnnouncementFanOut>().QueueConfirmedAsync(CancellationToken.None);
        watch.Stop();

        Assert.Equal($"Send to {expected.ToString("N0", CultureInfo.InvariantCulture)} chats", preview!.Buttons[0].Label);
        Assert.Equal(expected, added);
        Assert.Equal(0, again);
        Assert.Equal(expected, (await _rig.Outbox.CountForAsync(OutboxKind.Announcement, "1", CancellationToken.None)).Pending);
        Assert.Equal(expected, (await _rig.Bot.Get<IAnnouncementStore>().GetAsync(1, CancellationToken.None))!.Recipients);
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(2), $"Previewing and queueing took {watch.Elapsed}.");
    }

    /// <summary>
    /// Writes the chats straight into the collection, as a bot that ran before left them:
    /// every 50th inactive, every 100th (from the first) muted. Returns how many should hear an
    /// announcement, the admin's own chat included.
    /// </summary>
    private int Seed(int count)
    {
        var database = _rig.Bot.Get<NewsBotDatabase>();
        var seen = _rig.Bot.Time.GetUtcNow().UtcDateTime;
        database.Chats.InsertBulk(Enumerable.Range(1, count).Select(i => new ChatDocument
        {
            Id = "telegram:" + (1_000_000 + i).ToString(CultureInfo.InvariantCulture),
            Platform = "telegram",
            Kind = nameof(ChatKind.Private),
            Active = i % 50 != 0,
            AnnouncementsMuted = i % 100 == 1,
            FirstSeen = seen,
            LastSeen = seen,
        }));
        return Enumerable.Range(1, count).Count(i => i % 50 != 0 && i % 100 != 1) + 1;
    }
}
