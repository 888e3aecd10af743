namespace NewsBot.Tests.Storage.Contract;

/// <summary>What digests read and keep: their cursors, the articles in the order they arrived, and the entries that carried them.</summary>
public abstract class DigestStoresContract : StoreContract
{
    private protected DigestStoresContract(StoreFactory factory)
        : base(factory)
    {
    }

    private static ArticleDraft Draft(int n, DateTimeOffset ingested) =>
        new(new Article(0, $"https://x.example/{n}", $"1:{n}", $"Story {n}", "", null, 1, "Wire", ingested, ingested, [], null, true), $"1:t{n}");

    [Fact]
    public async Task Cursor_IsReplacedAndKept_AcrossAReopen()
    {
        await Stores.DigestCursors.SaveAsync([new DigestCursor(4, 100, Now, new DateOnly(2026, 11, 28))], None);
        await Stores.DigestCursors.SaveAsync([new DigestCursor(4, 180, Now.AddDays(1), new DateOnly(2026, 11, 29)), new DigestCursor(5, 180, Now.AddDays(1), new DateOnly(2026, 11, 30))], None);
        await Stores.DigestCursors.SaveAsync([], None);

        await Stores.ReopenAsync();

        Assert.Equal(new DigestCursor(4, 180, Now.AddDays(1), new DateOnly(2026, 11, 29)), await Stores.DigestCursors.FindAsync(4, None));
        Assert.Equal(new DateOnly(2026, 11, 30), (await Stores.DigestCursors.FindAsync(5, None))!.LastLocalDate);
        Assert.Null(await Stores.DigestCursors.FindAsync(6, None));
    }

    [Fact]
    public async Task History_LatestId_IsTheNewestStoredArticle()
    {
        Assert.Equal(0, Stores.History.LatestId());

        await Stores.Articles.AddNewAsync([Draft(1, Now), Draft(2, Now)], None);

        Assert.Equal(2, Stores.History.LatestId());
    }

    [Fact]
    public async Task History_StoredBetween_IsTheRangeOldestFirst_BackToTheFirstStoredBeforeTheWindow()
    {
        // Ids follow arrival, but a late article (4) was stored after a long pause in between.
        await Stores.Articles.AddNewAsync([Draft(1, Now.AddHours(-30)), Draft(2, Now.AddHours(-20)), Draft(3, Now.AddHours(-26)), Draft(4, Now.AddHours(-2)), Draft(5, Now.AddHours(-1))], None);

        Assert.Equal([4, 5], Stores.History.StoredBetween(0, 5, Now.AddHours(-24)).Select(a => a.Id));
        Assert.Equal([4], Stores.History.StoredBetween(0, 4, Now.AddHours(-24)).Select(a => a.Id));
        Assert.Equal([2, 3, 4], Stores.History.StoredBetween(1, 4, Now.AddHours(-48)).Select(a => a.Id));
        Assert.Empty(Stores.History.StoredBetween(5, 5, Now.AddHours(-48)));
        Assert.Empty(Stores.History.StoredBetween(4, 2, Now.AddHours(-48)));
        Assert.Equal("Story 5", Stores.History.StoredBetween(4, 9, Now.AddHours(-48)).Single().Title);
    }

    [Fact]
    public async Task DigestDeliveries_FindTheNewestDigestOfThatSubscriptionThatCountedTheStory()
    {
        OutboxEntry Digest(string chat, int subscription, DateOnly day, int[] stories) =>
            OutboxEntry.ForStories(chat, OutboxKeys.Digest(chat, subscription, day), stories, stories, Now, Now) with { Kind = OutboxKind.Digest, Reference = subscription.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        await Stores.Outbox.EnqueueAsync(
        [
            Digest("telegram:1", 4, new DateOnly(2026, 11, 27), [10, 11]),
            Digest("telegram:1", 4, new DateOnly(2026, 11, 28), [11, 12]),
            Digest("telegram:1", 40, new DateOnly(2026, 11, 28), [13]),
            Digest("telegram:2", 4, new DateOnly(2026, 11, 28), [13]),
        ], None);

        Assert.Equal(OutboxKeys.Digest("telegram:1", 4, new DateOnly(2026, 11, 28)), Stores.DigestDeliveries.FindDigest("telegram:1", 4, 11)?.DedupKey);
        Assert.Equal(OutboxKeys.Digest("telegram:1", 4, new DateOnly(2026, 11, 27)), Stores.DigestDeliveries.FindDigest("telegram:1", 4, 10)?.DedupKey);
        Assert.Null(Stores.DigestDeliveries.FindDigest("telegram:1", 4, 13));
        Assert.Equal(OutboxKind.Digest, Stores.DigestDeliveries.FindDigest("telegram:1", 40, 13)?.Kind);
        Assert.Null(Stores.DigestDeliveries.FindDigest("telegram:3", 4, 11));
    }
}

public sealed class LiteDbDigestStoresTests() : DigestStoresContract(new LiteDbStores());

public sealed class PostgresDigestStoresTests(PostgresDatabaseFixture database) : DigestStoresContract(database.Stores), IClassFixture<PostgresDatabaseFixture>;
