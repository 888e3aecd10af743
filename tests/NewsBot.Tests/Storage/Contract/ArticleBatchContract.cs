namespace NewsBot.Tests.Storage.Contract;

/// <summary>What every store's <see cref="IArticleBatch"/> promises: numbered at once, seen by its own later adds, stored all or none at the commit.</summary>
public abstract class ArticleBatchContract : StoreContract
{
    private protected ArticleBatchContract(StoreFactory factory)
        : base(factory)
    {
    }

    private static ArticleDraft Draft(string url, string itemKey, int source = 1, string? titleKey = null) =>
        new(new Article(0, url, itemKey, $"About {itemKey}", "", null, source, $"Wire {source}", Now, Now, [], null, true), titleKey ?? $"t:{itemKey}");

    [Fact]
    public async Task Batch_NumbersItsAddsInOrder_ButNobodySeesThemBeforeTheCommit()
    {
        var store = Stores.Articles;
        var before = Assert.Single((await store.AddNewAsync([Draft("https://x.example/0", "1:0")], None)).Added);

        var batch = await store.BeginBatchAsync([], new HashSet<int>(), None);
        await using (batch)
        {
            var first = await batch.AddNewAsync([Draft("https://x.example/1", "1:1"), Draft("https://x.example/2", "1:2")], None);
            var second = await batch.AddNewAsync([Draft("https://y.example/1", "2:1", source: 2)], None);

            Assert.Equal([before.Id + 1, before.Id + 2, before.Id + 3], first.Added.Concat(second.Added).Select(a => a.Id));
            Assert.Null(await store.GetAsync(before.Id + 1, None));
            Assert.Equal(1, await store.CountAsync(None));

            await batch.CommitAsync(None);
        }

        Assert.Equal(4, await store.CountAsync(None));
        Assert.Equal(["https://x.example/1", "https://x.example/2", "https://y.example/1"], (await store.GetManyAsync([before.Id + 1, before.Id + 2, before.Id + 3], None)).Select(a => a.Url));
        Assert.Equal(before.Id + 4, Assert.Single((await store.AddNewAsync([Draft("https://x.example/3", "1:3")], None)).Added).Id);
    }

    [Fact]
    public async Task Batch_CatchesRepeatsOfItsOwnEarlierAdds_AsAStoredArticleWould()
    {
        var store = Stores.Articles;
        var batch = await store.BeginBatchAsync([], new HashSet<int>(), None);
        await using (batch)
        {
            var lead = Assert.Single((await batch.AddNewAsync([Draft("https://x.example/a", "1:a")], None)).Added);

            var sameKey = await batch.AddNewAsync([Draft("https://x.example/other", "1:a")], None);
            var sameTitle = await batch.AddNewAsync([Draft("https://x.example/b", "1:b", titleKey: "t:1:a")], None);
            var syndicated = await batch.AddNewAsync([Draft("https://x.example/a", "2:a", source: 2)], None);

            Assert.Empty(sameKey.Added);
            Assert.Equal((0, 1), (sameTitle.Added.Count, sameTitle.RecognisedByLinkOrTitle));
            Assert.Empty(syndicated.Added);
            Assert.Equal([lead.Id], syndicated.SameLinkElsewhere!);
            await batch.CommitAsync(None);
        }

        Assert.Equal(1, await store.CountAsync(None));
    }

    [Fact]
    public async Task Batch_DisposedWithoutACommit_StoresNothing_AndItsNumbersAreHandedOutAgain()
    {
        var store = Stores.Articles;
        var batch = await store.BeginBatchAsync([], new HashSet<int>(), None);
        int abandoned;
        await using (batch)
        {
            abandoned = Assert.Single((await batch.AddNewAsync([Draft("https://x.example/a", "1:a")], None)).Added).Id;
        }

        Assert.Equal(0, await store.CountAsync(None));
        var stored = Assert.Single((await store.AddNewAsync([Draft("https://x.example/a", "1:a")], None)).Added);
        Assert.Equal("https://x.example/a", (await store.GetAsync(stored.Id, None))!.Url);
        Assert.True(stored.Id >= abandoned);
    }

    [Fact]
    public async Task Batch_OpenedWithItsDrafts_FindsWhatIsStoredOfThem_AndLooksUpDraftsItWasNotOpenedFor()
    {
        var store = Stores.Articles;
        var stored = Assert.Single((await store.AddNewAsync([Draft("https://x.example/a", "1:a")], None)).Added);
        await store.AddNewAsync([Draft("https://x.example/b", "1:b")], None);
        ArticleDraft[] announced = [Draft("https://x.example/a", "1:a"), Draft("https://x.example/c", "1:c"), Draft("https://x.example/a", "2:a", source: 2)];

        var batch = await store.BeginBatchAsync(announced, new HashSet<int>(), None);
        await using (batch)
        {
            var first = await batch.AddNewAsync(announced[..2], None);
            var second = await batch.AddNewAsync([announced[2] with { Article = announced[2].Article with { StoryId = stored.Id } }, Draft("https://x.example/b", "1:b")], None);
            await batch.CommitAsync(None);

            Assert.Equal(["https://x.example/c"], first.Added.Select(a => a.Url));
            Assert.Empty(second.Added);
            Assert.Equal([stored.Id], second.SameLinkElsewhere!);
        }

        Assert.Equal(3, await store.CountAsync(None));
    }

    [Fact]
    public async Task Batch_ADraftItWasNotOpenedFor_RepeatingTheLinkOfOneItWas_PointsAtThatArticle()
    {
        var store = Stores.Articles;
        ArticleDraft[] announced = [Draft("https://x.example/a", "1:a"), Draft("https://x.example/b", "1:b")];
        var batch = await store.BeginBatchAsync(announced, new HashSet<int>(), None);
        await using (batch)
        {
            var first = await batch.AddNewAsync(announced, None);
            var late = await batch.AddNewAsync([Draft("https://x.example/b", "2:b", source: 2), Draft("https://x.example/d", "2:d", source: 2)], None);
            await batch.CommitAsync(None);

            Assert.Equal([first.Added[1].Id], late.SameLinkElsewhere!);
            Assert.True(Assert.Single(late.Added).Id > first.Added[1].Id);
        }

        Assert.Equal(["https://x.example/a", "https://x.example/b", "https://x.example/d"], (await store.ReadAllAsync(None).ToListAsync()).Select(a => a.Url));
    }

    [Fact]
    public async Task PlainAdd_WaitsForTheOpenBatch()
    {
        var store = Stores.Articles;
        var batch = await store.BeginBatchAsync([], new HashSet<int>(), None);
        Task<AddResult> plain;
        await using (batch)
        {
            await batch.AddNewAsync([Draft("https://x.example/a", "1:a")], None);
            plain = store.AddNewAsync([Draft("https://x.example/a", "2:a", source: 2), Draft("https://x.example/b", "2:b", source: 2)], None).AsTask();
            Assert.False(plain.IsCompleted);
            await batch.CommitAsync(None);
        }

        var after = await plain;
        Assert.Equal(["https://x.example/b"], after.Added.Select(a => a.Url));
        Assert.Single(after.SameLinkElsewhere!);
    }
}

public sealed class LiteDbArticleBatchTests() : ArticleBatchContract(new LiteDbStores());

public sealed class PostgresArticleBatchTests(PostgresDatabaseFixture database) : ArticleBatchContract(database.Stores), IClassFixture<PostgresDatabaseFixture>;
