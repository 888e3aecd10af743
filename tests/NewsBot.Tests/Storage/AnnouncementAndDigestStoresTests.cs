using NewsBot.Core.Announcements;
using NewsBot.Core.Digests;
using NewsBot.Storage;
using NewsBot.Tests.Fakes;

namespace NewsBot.Tests.Storage;

public sealed class AnnouncementAndDigestStoresTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Announcement_KeepsItsWholeLife_AcrossARestart()
    {
        using (var database = NewsBotDatabase.Open(_folder.Path))
        {
            var store = new LiteDbAnnouncementStore(database);
            var draft = await store.AddDraftAsync("telegram:99", "telegram:99", "Maintenance tonight", At, CancellationToken.None);
            Assert.True(await store.ConfirmAsync(draft.Id, At.AddMinutes(1), CancellationToken.None));
            await store.MarkQueuedAsync(draft.Id, 1204, CancellationToken.None);
            await store.MarkDeliveredAsync(draft.Id, new DeliveryFigures(1184, 3, 17), At.AddHours(1), CancellationToken.None);
        }

        using var reopened = NewsBotDatabase.Open(_folder.Path);
        var read = (await new LiteDbAnnouncementStore(reopened).GetAsync(1, CancellationToken.None))!;

        Assert.Equal(AnnouncementState.Delivered, read.State);
        Assert.Equal("Maintenance tonight", read.Text);
        Assert.Equal("telegram:99", read.ReportChatKey);
        Assert.Equal(At.AddMinutes(1), read.ConfirmedAt);
        Assert.True(read.Queued);
        Assert.Equal(1204, read.Recipients);
        Assert.Equal(new DeliveryFigures(1184, 3, 17), read.Figures);
        Assert.Equal(At.AddHours(1), read.ReportedAt);
    }

    [Fact]
    public async Task Confirm_FromManyThreadsAtOnce_SucceedsOnce()
    {
        using var database = NewsBotDatabase.Open(_folder.Path);
        var store = new LiteDbAnnouncementStore(database);
        var draft = await store.AddDraftAsync("telegram:99", null, "Maintenance tonight", At, CancellationToken.None);

        var wins = (await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.ConfirmAsync(draft.Id, At, CancellationToken.None).AsTask())))).Count(won => won);

        Assert.Equal(1, wins);
        Assert.False(await store.CancelAsync(draft.Id, CancellationToken.None));
        Assert.Equal([draft.Id], (await store.InFlightAsync(CancellationToken.None)).Select(a => a.Id));
    }

    [Fact]
    public async Task Recent_IsNewestFirst_AndLimited()
    {
        using var database = NewsBotDatabase.Open(_folder.Path);
        var store = new LiteDbAnnouncementStore(database);
        for (var i = 1; i <= 12; i++)
        {
            await store.AddDraftAsync("telegram:99", null, $"Note {i}", At.AddMinutes(i), CancellationToken.None);
        }

        Assert.Equal(Enumerable.Range(3, 10).Reverse(), (await store.RecentAsync(10, CancellationToken.None)).Select(a => a.Id));
    }

    [Fact]
    public async Task DigestCursor_IsReplacedAndKept_AcrossARestart()
    {
        using (var database = NewsBotDatabase.Open(_folder.Path))
        {
            var store = new LiteDbDigestCursorStore(database);
            await store.SaveAsync([new DigestCursor(4, 100, At, new DateOnly(2026, 11, 28))], CancellationToken.None);
            await store.SaveAsync([new DigestCursor(4, 180, At.AddDays(1), new DateOnly(2026, 11, 29)), new DigestCursor(5, 180, At.AddDays(1), new DateOnly(2026, 11, 30))], CancellationToken.None);
        }

        using var reopened = NewsBotDatabase.Open(_folder.Path);
        var store2 = new LiteDbDigestCursorStore(reopened);

        Assert.Equal(new DigestCursor(4, 180, At.AddDays(1), new DateOnly(2026, 11, 29)), await store2.FindAsync(4, CancellationToken.None));
        Assert.Equal(new DateOnly(2026, 11, 30), (await store2.FindAsync(5, CancellationToken.None))!.LastLocalDate);
        Assert.Null(await store2.FindAsync(6, CancellationToken.None));
    }
}
