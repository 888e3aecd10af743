namespace NewsBot.Tests.Storage.Contract;

public abstract class AnnouncementStoreContract : StoreContract
{
    private protected AnnouncementStoreContract(StoreFactory factory)
        : base(factory)
    {
    }

    [Fact]
    public async Task Announcement_KeepsItsWholeLife_AcrossAReopen()
    {
        var draft = await Stores.Announcements.AddDraftAsync("telegram:99", "telegram:99", "Maintenance tonight", Now, None);
        Assert.Equal((1, AnnouncementState.Draft, Now), (draft.Id, draft.State, draft.CreatedAt));
        Assert.True(await Stores.Announcements.ConfirmAsync(draft.Id, Now.AddMinutes(1), None));
        await Stores.Announcements.MarkQueuedAsync(draft.Id, 1204, None);
        await Stores.Announcements.MarkDeliveredAsync(draft.Id, new DeliveryFigures(1184, 3, 17), Now.AddHours(1), None);

        await Stores.ReopenAsync();
        var read = (await Stores.Announcements.GetAsync(1, None))!;

        Assert.Equal(AnnouncementState.Delivered, read.State);
        Assert.Equal("Maintenance tonight", read.Text);
        Assert.Equal("telegram:99", read.AuthorKey);
        Assert.Equal("telegram:99", read.ReportChatKey);
        Assert.Equal(Now.AddMinutes(1), read.ConfirmedAt);
        Assert.True(read.Queued);
        Assert.Equal(1204, read.Recipients);
        Assert.Equal(new DeliveryFigures(1184, 3, 17), read.Figures);
        Assert.Equal(Now.AddHours(1), read.ReportedAt);
        Assert.Null(await Stores.Announcements.GetAsync(2, None));
    }

    [Fact]
    public async Task Confirm_FromManyThreadsAtOnce_SucceedsOnce()
    {
        var store = Stores.Announcements;
        var draft = await store.AddDraftAsync("telegram:99", null, "Maintenance tonight", Now, None);

        var wins = (await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.ConfirmAsync(draft.Id, Now, None).AsTask())))).Count(won => won);

        Assert.Equal(1, wins);
        Assert.False(await store.CancelAsync(draft.Id, None));
        Assert.Equal([draft.Id], (await store.InFlightAsync(None)).Select(a => a.Id));
    }

    [Fact]
    public async Task Moves_OnlyFromTheStateTheyStartFrom()
    {
        var store = Stores.Announcements;
        var cancelled = await store.AddDraftAsync("telegram:99", null, "Oops", Now, None);
        var draft = await store.AddDraftAsync("telegram:99", null, "Later", Now, None);

        Assert.True(await store.CancelAsync(cancelled.Id, None));
        Assert.False(await store.ConfirmAsync(cancelled.Id, Now, None));
        await store.MarkQueuedAsync(draft.Id, 10, None);
        await store.MarkDeliveredAsync(draft.Id, new DeliveryFigures(1, 0, 0), Now, None);

        Assert.Equal(AnnouncementState.Cancelled, (await store.GetAsync(cancelled.Id, None))!.State);
        var untouched = (await store.GetAsync(draft.Id, None))!;
        Assert.Equal((AnnouncementState.Draft, false, 0), (untouched.State, untouched.Queued, untouched.Recipients));
        Assert.Null(untouched.Figures);
        Assert.Null(untouched.ReportChatKey);
        Assert.Empty(await store.InFlightAsync(None));
    }

    [Fact]
    public async Task InFlight_IsTheConfirmedNotYetReported_OldestFirst()
    {
        var store = Stores.Announcements;
        for (var i = 1; i <= 4; i++)
        {
            await store.AddDraftAsync("telegram:99", null, $"Note {i}", Now, None);
        }

        await store.ConfirmAsync(3, Now, None);
        await store.ConfirmAsync(1, Now, None);
        await store.ConfirmAsync(2, Now, None);
        await store.MarkDeliveredAsync(2, new DeliveryFigures(1, 0, 0), Now, None);

        Assert.Equal([1, 3], (await store.InFlightAsync(None)).Select(a => a.Id));
    }

    [Fact]
    public async Task Recent_IsNewestFirst_AndLimited()
    {
        for (var i = 1; i <= 12; i++)
        {
            await Stores.Announcements.AddDraftAsync("telegram:99", null, $"Note {i}", Now.AddMinutes(i), None);
        }

        Assert.Equal(Enumerable.Range(3, 10).Reverse(), (await Stores.Announcements.RecentAsync(10, None)).Select(a => a.Id));
    }
}

public sealed class LiteDbAnnouncementStoreTests() : AnnouncementStoreContract(new LiteDbStores());

public sealed class PostgresAnnouncementStoreTests(PostgresDatabaseFixture database) : AnnouncementStoreContract(database.Stores), IClassFixture<PostgresDatabaseFixture>;
