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
    public void Announcement_KeepsItsWholeLife_AcrossARestart()
    {
        using (var database = NewsBotDatabase.Open(_folder.Path))
        {
            var store = new LiteDbAnnouncementStore(database);
            var draft = store.AddDraft("telegram:99", "telegram:99", "Maintenance tonight", At);
            Assert.True(store.Confirm(draft.Id, At.AddMinutes(1)));
            store.MarkQueued(draft.Id, 1204);
            store.MarkDelivered(draft.Id, new DeliveryFigures(1184, 3, 17), At.AddHours(1));
        }

        using var reopened = NewsBotDatabase.Open(_folder.Path);
        var read = new LiteDbAnnouncementStore(reopened).Get(1)!;

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
    public void Confirm_FromManyThreadsAtOnce_SucceedsOnce()
    {
        using var database = NewsBotDatabase.Open(_folder.Path);
        var store = new LiteDbAnnouncementStore(database);
        var draft = store.AddDraft("telegram:99", null, "Maintenance tonight", At);

        var wins = Enumerable.Range(0, 8).AsParallel().Select(_ => store.Confirm(draft.Id, At)).Count(won => won);

        Assert.Equal(1, wins);
        Assert.False(store.Cancel(draft.Id));
        Assert.Equal([draft.Id], store.InFlight().Select(a => a.Id));
    }

    [Fact]
    public void Recent_IsNewestFirst_AndLimited()
    {
        using var database = NewsBotDatabase.Open(_folder.Path);
        var store = new LiteDbAnnouncementStore(database);
        for (var i = 1; i <= 12; i++)
        {
            store.AddDraft("telegram:99", null, $"Note {i}", At.AddMinutes(i));
        }

        Assert.Equal(Enumerable.Range(3, 10).Reverse(), store.Recent(10).Select(a => a.Id));
    }

    [Fact]
    public void DigestCursor_IsReplacedAndKept_AcrossARestart()
    {
        using (var database = NewsBotDatabase.Open(_folder.Path))
        {
            var store = new LiteDbDigestCursorStore(database);
            store.Save([new DigestCursor(4, 100, At, new DateOnly(2026, 11, 28))]);
            store.Save([new DigestCursor(4, 180, At.AddDays(1), new DateOnly(2026, 11, 29)), new DigestCursor(5, 180, At.AddDays(1), new DateOnly(2026, 11, 30))]);
        }

        using var reopened = NewsBotDatabase.Open(_folder.Path);
        var store2 = new LiteDbDigestCursorStore(reopened);

        Assert.Equal(new DigestCursor(4, 180, At.AddDays(1), new DateOnly(2026, 11, 29)), store2.Find(4));
        Assert.Equal(new DateOnly(2026, 11, 30), store2.Find(5)!.LastLocalDate);
        Assert.Null(store2.Find(6));
    }
}
