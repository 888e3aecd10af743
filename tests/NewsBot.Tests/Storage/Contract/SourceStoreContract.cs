namespace NewsBot.Tests.Storage.Contract;

public abstract class SourceStoreContract : StoreContract
{
    private protected SourceStoreContract(StoreFactory factory)
        : base(factory)
    {
    }

    [Fact]
    public async Task Ensure_IsIdempotentByUrl_AndRecordsHealth()
    {
        var store = Stores.Sources;
        var first = await store.EnsureAsync("Wire", "https://wire.example/feed", ["technology"], fromConfiguration: true, None);
        var renamed = await store.EnsureAsync("Wire Renamed", "https://wire.example/feed", ["science"], fromConfiguration: true, None);

        await store.SaveAsync(renamed with
        {
            Enabled = false,
            LastError = "HTTP 500",
            ConsecutiveFailures = 10,
            ETag = "\"v1\"",
            LastModified = Now,
            MovedTo = "https://new.example/feed",
            CurrentItemKeys = ["1:a", "1:b"],
        }, None);
        var saved = (await store.GetAsync(first.Id, None))!;
        var revived = await store.EnsureAsync("Wire Renamed", "https://wire.example/feed", ["science"], fromConfiguration: false, None);

        Assert.Equal(first.Id, renamed.Id);
        Assert.Equal("Wire Renamed", renamed.Name);
        Assert.Equal(["science"], renamed.Topics);
        Assert.Single(await store.AllAsync(None));
        Assert.False(saved.Enabled);
        Assert.Equal("\"v1\"", saved.ETag);
        Assert.Equal(Now, saved.LastModified);
        Assert.Equal("https://new.example/feed", saved.FetchUrl);
        Assert.Equal(["1:a", "1:b"], saved.CurrentItemKeys);
        Assert.True(revived.Enabled);
        Assert.True(revived.FromConfiguration);
        Assert.Equal(0, revived.ConsecutiveFailures);
        Assert.Null(revived.NextPollAt);
        Assert.Equal(first.Id, (await store.FindByUrlAsync("https://wire.example/feed", None))!.Id);
        Assert.True(await store.RemoveAsync(first.Id, None));
        Assert.False(await store.RemoveAsync(first.Id, None));
        Assert.Empty(await store.AllAsync(None));
    }

    [Fact]
    public async Task SaveAll_WritesEverySourcesState_AndLeavesOutSourcesRemovedMeanwhile()
    {
        var store = Stores.Sources;
        var wire = await store.EnsureAsync("Wire", "https://wire.example/feed", [], fromConfiguration: false, None);
        var post = await store.EnsureAsync("Post", "https://post.example/feed", [], fromConfiguration: false, None);
        var gone = await store.EnsureAsync("Gone", "https://gone.example/feed", [], fromConfiguration: false, None);
        await store.RemoveAsync(gone.Id, None);

        await store.SaveAllAsync(
        [
            wire with { ETag = "\"w\"", NextPollAt = Now.AddMinutes(5), CurrentItemKeys = ["1:a"] },
            gone with { ETag = "\"g\"" },
            post with { LastError = "HTTP 500", ConsecutiveFailures = 1 },
        ], None);

        var all = (await store.AllAsync(None)).ToDictionary(s => s.Id);
        Assert.Equal(2, all.Count);
        Assert.Equal("\"w\"", all[wire.Id].ETag);
        Assert.Equal(Now.AddMinutes(5), all[wire.Id].NextPollAt);
        Assert.Equal(["1:a"], all[wire.Id].CurrentItemKeys);
        Assert.Equal("HTTP 500", all[post.Id].LastError);
        Assert.Equal(1, all[post.Id].ConsecutiveFailures);
    }

    [Fact]
    public async Task Ensure_OfAnEnabledSource_KeepsItsHealthAndSchedule()
    {
        var store = Stores.Sources;
        var source = await store.EnsureAsync("Wire", "https://wire.example/feed", [], fromConfiguration: false, None);
        await store.SaveAsync(source with { ConsecutiveFailures = 3, LastError = "timeout", NextPollAt = Now.AddMinutes(5), AdminsNotified = true }, None);

        var again = await store.EnsureAsync("Wire", "https://wire.example/feed", [], fromConfiguration: false, None);

        Assert.Equal(3, again.ConsecutiveFailures);
        Assert.Equal("timeout", again.LastError);
        Assert.Equal(Now.AddMinutes(5), again.NextPollAt);
        Assert.True(again.AdminsNotified);
        Assert.False(again.FromConfiguration);
    }

    [Fact]
    public async Task EveryField_IsSavedAndReadBack()
    {
        var store = Stores.Sources;
        var source = await store.EnsureAsync("Wire", "https://wire.example/feed", ["technology", "science"], fromConfiguration: true, None);
        var changed = source with
        {
            LastAttemptAt = Now.AddMinutes(-2),
            LastSuccessAt = Now.AddMinutes(-3),
            ItemCount = 42,
            NextPollAt = Now.AddMinutes(10),
            Note = "ids change",
            ItemsLeftOut = 7,
            ContentHash = "abc123",
            AdminsNotified = true,
        };

        await store.SaveAsync(changed, None);
        await Stores.ReopenAsync();
        var read = (await Stores.Sources.GetAsync(source.Id, None))!;

        Assert.Equal(changed.LastAttemptAt, read.LastAttemptAt);
        Assert.Equal(changed.LastSuccessAt, read.LastSuccessAt);
        Assert.Equal(42, read.ItemCount);
        Assert.Equal(changed.NextPollAt, read.NextPollAt);
        Assert.Equal("ids change", read.Note);
        Assert.Equal(7, read.ItemsLeftOut);
        Assert.Equal("abc123", read.ContentHash);
        Assert.True(read.AdminsNotified);
        Assert.Null(read.LastError);
        Assert.Null(read.ETag);
        Assert.Null(read.LastModified);
        Assert.Equal(["technology", "science"], read.Topics);
    }

    [Fact]
    public async Task Save_OfASourceRemovedMeanwhile_DoesNotBringItBack()
    {
        var source = await Stores.Sources.EnsureAsync("Wire", "https://wire.example/feed", [], fromConfiguration: false, None);
        await Stores.Sources.RemoveAsync(source.Id, None);

        await Stores.Sources.SaveAsync(source with { ItemCount = 5 }, None);

        Assert.Empty(await Stores.Sources.AllAsync(None));
        Assert.Null(await Stores.Sources.GetAsync(source.Id, None));
        Assert.Null(await Stores.Sources.FindByUrlAsync("https://wire.example/feed", None));
    }

    [Fact]
    public async Task Sources_AreNumberedAndListedInTheOrderAdded()
    {
        var a = await Stores.Sources.EnsureAsync("A", "https://a.example/feed", [], fromConfiguration: true, None);
        var b = await Stores.Sources.EnsureAsync("B", "https://b.example/feed", [], fromConfiguration: true, None);
        await Stores.Sources.EnsureAsync("A again", "https://a.example/feed", [], fromConfiguration: true, None);
        var c = await Stores.Sources.EnsureAsync("C", "https://c.example/feed", [], fromConfiguration: false, None);

        Assert.Equal([1, 2, 3], new[] { a.Id, b.Id, c.Id });
        Assert.Equal(["A again", "B", "C"], (await Stores.Sources.AllAsync(None)).Select(s => s.Name));
    }

    [Fact]
    public async Task Ensure_FromManyCallersAtOnce_MakesOneSource()
    {
        var store = Stores.Sources;

        var made = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => store.EnsureAsync($"Wire {i}", "https://wire.example/feed", [], fromConfiguration: false, None).AsTask())));

        Assert.Single(made.Select(s => s.Id).Distinct());
        Assert.Single(await store.AllAsync(None));
    }
}

public sealed class LiteDbSourceStoreTests() : SourceStoreContract(new LiteDbStores());

public sealed class PostgresSourceStoreTests(PostgresDatabaseFixture database) : SourceStoreContract(database.Stores), IClassFixture<PostgresDatabaseFixture>;
