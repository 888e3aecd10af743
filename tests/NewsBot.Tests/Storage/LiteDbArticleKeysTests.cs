namespace NewsBot.Tests.Storage;

/// <summary>
/// The LiteDB article store looks a batch's keys up together; an item key, link or title key
/// that differs from a stored one only in case is known, as it was with one lookup per item.
/// </summary>
public sealed class LiteDbArticleKeysTests
{
    private static readonly DateTimeOffset Now = TestBot.Now;

    private static ArticleDraft Draft(string itemKey, string url, string titleKey, int sourceId = 1, string sourceName = "Wire") =>
        new(new Article(0, url, itemKey, "Story", "", null, sourceId, sourceName, Now, Now, [], null, true), titleKey);

    [Fact]
    public async Task AddNew_KeysDifferingOnlyInCase_AreKnownInOneBatch()
    {
        using var folder = new TempDirectory();
        using var database = NewsBotDatabase.Open(folder.Path);
        var store = new LiteDbArticleStore(database);
        await store.AddNewAsync([Draft("1:Item-A", "https://x.example/A", "1:title-a"), Draft("2:x", "https://y.example/shared", "2:x", sourceId: 2, sourceName: "Other")], CancellationToken.None);

        var result = await store.AddNewAsync(
        [
            Draft("1:ITEM-a", "https://x.example/other-1", "1:other-1"), // same item key, other case: skipped
            Draft("1:new-2", "https://X.EXAMPLE/a", "1:other-2"), // same link, same source: recognised
            Draft("1:new-3", "https://x.example/other-3", "1:TITLE-A"), // same title key: recognised
            Draft("1:new-4", "https://Y.example/SHARED", "1:other-4"), // same link in another source: noted there
            Draft("1:fresh", "https://x.example/fresh", "1:fresh"),
        ], CancellationToken.None);

        Assert.Equal("1:fresh", Assert.Single(result.Added).ItemKey);
        Assert.Equal(2, result.RecognisedByLinkOrTitle);
        Assert.Single(result.SameLinkElsewhere ?? []);
        Assert.Equal(3, await store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AddNew_TwoDraftsOfOneBatchDifferingOnlyInCase_StoreTheFirstOnly()
    {
        using var folder = new TempDirectory();
        using var database = NewsBotDatabase.Open(folder.Path);
        var store = new LiteDbArticleStore(database);

        var result = await store.AddNewAsync(
        [
            Draft("1:a", "https://x.example/Page", "1:a"),
            Draft("1:b", "https://x.example/page", "1:b"),
            Draft("1:c", "https://x.example/c", "1:A"),
            Draft("1:A", "https://x.example/d", "1:d"),
        ], CancellationToken.None);

        Assert.Equal("1:a", Assert.Single(result.Added).ItemKey);
        Assert.Equal(2, result.RecognisedByLinkOrTitle);
        Assert.Equal(1, await store.CountAsync(CancellationToken.None));
    }
}
