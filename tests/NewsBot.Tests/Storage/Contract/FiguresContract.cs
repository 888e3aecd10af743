namespace NewsBot.Tests.Storage.Contract;

/// <summary>The figures the metrics and the status page read from the stores.</summary>
public abstract class FiguresContract : StoreContract
{
    private protected FiguresContract(StoreFactory factory)
        : base(factory)
    {
    }

    [Fact]
    public async Task PendingByKind_NamesEveryKind_AndCountsOnlyPendingEntries()
    {
        Assert.Equal(new Dictionary<string, int> { ["story"] = 0, ["digest"] = 0, ["announcement"] = 0, ["adminnotice"] = 0 }, Stores.OutboxFigures.PendingByKind());

        await Stores.Outbox.EnqueueAsync(
        [
            OutboxEntry.ForStories("telegram:1", OutboxKeys.Stories("telegram:1", 1), [1], [1], Now, Now),
            OutboxEntry.ForStories("telegram:2", OutboxKeys.Stories("telegram:2", 1), [1], [1], Now, Now),
            OutboxEntry.ForComposed("telegram:1", OutboxKind.Announcement, OutboxKeys.Announcement("telegram:1", "a1"), "a1", Now),
            OutboxEntry.ForNotice("telegram:9", OutboxKeys.AdminNotice("telegram:9", "e"), "e", "words", Now),
        ], None);
        await Stores.Outbox.MarkSentAsync([(await Stores.Outbox.FindAsync("telegram:2", 1, None))!.Id], Now, None);

        Assert.Equal(new Dictionary<string, int> { ["story"] = 1, ["digest"] = 0, ["announcement"] = 1, ["adminnotice"] = 1 }, Stores.OutboxFigures.PendingByKind());
    }

    [Fact]
    public async Task SourcesByHealth_AreHealthyFailingOrDisabled()
    {
        Assert.Equal(new Dictionary<string, int> { ["healthy"] = 0, ["failing"] = 0, ["disabled"] = 0 }, Stores.SourceFigures.ByHealth());

        var a = await Stores.Sources.EnsureAsync("A", "https://a.example/feed", [], fromConfiguration: true, None);
        var b = await Stores.Sources.EnsureAsync("B", "https://b.example/feed", [], fromConfiguration: true, None);
        var c = await Stores.Sources.EnsureAsync("C", "https://c.example/feed", [], fromConfiguration: true, None);
        await Stores.Sources.EnsureAsync("D", "https://d.example/feed", [], fromConfiguration: true, None);
        await Stores.Sources.SaveAsync(b with { ConsecutiveFailures = 2, LastError = "HTTP 500" }, None);
        await Stores.Sources.SaveAsync(c with { Enabled = false, ConsecutiveFailures = 10 }, None);

        Assert.Equal(new Dictionary<string, int> { ["healthy"] = 2, ["failing"] = 1, ["disabled"] = 1 }, Stores.SourceFigures.ByHealth());
        Assert.True(a.IsHealthy);
    }
}

public sealed class LiteDbFiguresTests() : FiguresContract(new LiteDbStores());

public sealed class PostgresFiguresTests(PostgresDatabaseFixture database) : FiguresContract(database.Stores), IClassFixture<PostgresDatabaseFixture>;
