using LiteDB;

namespace NewsBot.Tests.Storage;

public sealed class NewsBotDatabaseTests
{
    [Fact]
    public void Open_NewFolder_CreatesDatabaseWithSchemaVersion()
    {
        using var folder = new TempDirectory();
        var path = System.IO.Path.Combine(folder.Path, "nested", "data");

        using (var database = NewsBotDatabase.Open(path))
        {
            Assert.Equal("1", database.State.FindById("schema").Value);
        }

        Assert.True(File.Exists(System.IO.Path.Combine(path, NewsBotDatabase.FileName)));
    }

    [Fact]
    public void Open_SecondTimeWhileOpen_FailsWithClearMessage()
    {
        using var folder = new TempDirectory();
        using var first = NewsBotDatabase.Open(folder.Path);

        var error = Assert.Throws<DatabaseUnavailableException>(() => NewsBotDatabase.Open(folder.Path));

        Assert.Contains("in use by another NewsBot process", error.Message, StringComparison.Ordinal);
        Assert.Contains("NewsBot:DataDirectory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AfterTheFirstIsClosed_Succeeds()
    {
        using var folder = new TempDirectory();
        NewsBotDatabase.Open(folder.Path).Dispose();

        using var again = NewsBotDatabase.Open(folder.Path);

        Assert.NotNull(again.Database);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(23)]
    [InlineData(100)]
    public void Open_TinyFile_IsRefusedAndLeftUntouched(int size)
    {
        using var folder = new TempDirectory();
        var file = System.IO.Path.Combine(folder.Path, NewsBotDatabase.FileName);
        var content = Enumerable.Range(0, size).Select(i => (byte)('a' + (i % 26))).ToArray();
        File.WriteAllBytes(file, content);

        var error = Assert.Throws<DatabaseUnavailableException>(() => NewsBotDatabase.Open(folder.Path));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Equal(content, File.ReadAllBytes(file));
    }

    [Fact]
    public void Open_GarbageFile_IsRefusedAndLeftUntouched()
    {
        using var folder = new TempDirectory();
        var file = System.IO.Path.Combine(folder.Path, NewsBotDatabase.FileName);
        var garbage = new byte[65_536];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(file, garbage);

        var error = Assert.Throws<DatabaseUnavailableException>(() => NewsBotDatabase.Open(folder.Path));

        Assert.Contains("cannot be read as a NewsBot database", error.Message, StringComparison.Ordinal);
        Assert.Equal(garbage, File.ReadAllBytes(file));
    }

    [Fact]
    public void Open_ForeignLiteDbFile_IsRefused()
    {
        using var folder = new TempDirectory();
        var file = System.IO.Path.Combine(folder.Path, NewsBotDatabase.FileName);
        using (var foreign = new LiteDatabase($"Filename={file};Connection=direct"))
        {
            foreign.GetCollection("customers").Insert(new BsonDocument { ["name"] = "Ada" });
        }

        var error = Assert.Throws<DatabaseUnavailableException>(() => NewsBotDatabase.Open(folder.Path));

        Assert.Contains("not a NewsBot database", error.Message, StringComparison.Ordinal);
        using var check = new LiteDatabase($"Filename={file};Connection=direct");
        Assert.Equal(1, check.GetCollection("customers").Count());
    }

    [Fact]
    public void Open_NewerSchema_IsRefused()
    {
        using var folder = new TempDirectory();
        using (var database = NewsBotDatabase.Open(folder.Path))
        {
            database.State.Upsert(new StateDocument { Id = "schema", Value = "99" });
        }

        var error = Assert.Throws<DatabaseUnavailableException>(() => NewsBotDatabase.Open(folder.Path));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadArticlesThenReopen_ReadsEveryArticle_KeepsTheLock_AndLeavesTheFileUsable()
    {
        using var folder = new TempDirectory();
        using (var setup = NewsBotDatabase.Open(folder.Path))
        {
            await new LiteDbArticleStore(setup).AddNewAsync([Draft(1), Draft(2), Draft(3)], CancellationToken.None);
        }

        using (var database = NewsBotDatabase.Open(folder.Path))
        {
            var titles = new List<string>();
            var ownInstance = new LiteDbArticleStore(database).ReadAllAtStart(articles => titles.AddRange(articles.Select(a => a.Title)));

            Assert.True(ownInstance);
            Assert.Equal(["Story 1", "Story 2", "Story 3"], titles);
            var again = Assert.Throws<DatabaseUnavailableException>(() => NewsBotDatabase.Open(folder.Path));
            Assert.Contains("in use by another NewsBot process", again.Message, StringComparison.Ordinal);

            var store = new LiteDbArticleStore(database);
            Assert.Single((await store.AddNewAsync([Draft(4)], CancellationToken.None)).Added);
            Assert.Equal(4, await store.CountAsync(CancellationToken.None));
        }

        using var reopened = NewsBotDatabase.Open(folder.Path);
        Assert.Equal(4, await new LiteDbArticleStore(reopened).CountAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(NewsBotDatabase.ReadChunk)]
    public async Task ReadArticlesThenReopen_InChunks_ReadsEveryArticleOnceInIdOrder(int chunk)
    {
        using var folder = new TempDirectory();
        using (var setup = NewsBotDatabase.Open(folder.Path))
        {
            var store = new LiteDbArticleStore(setup);
            await store.AddNewAsync([.. Enumerable.Range(1, 7).Select(Draft)], CancellationToken.None);
            setup.Articles.Delete(4);
        }

        using var database = NewsBotDatabase.Open(folder.Path);
        var ids = new List<int>();
        database.ReadArticlesThenReopen(documents => ids.AddRange(documents.Select(d => d["_id"].AsInt32)), chunk);

        Assert.Equal([1, 2, 3, 5, 6, 7], ids);
    }

    [Fact]
    public async Task ReadArticlesThenReopen_DatabaseAlreadyInUse_ReadsThroughTheSharedInstance()
    {
        using var folder = new TempDirectory();
        using var database = NewsBotDatabase.Open(folder.Path);
        var store = new LiteDbArticleStore(database);
        await store.AddNewAsync([Draft(1), Draft(2)], CancellationToken.None);
        var shared = database.Database;

        var count = 0;
        var ownInstance = store.ReadAllAtStart(articles => count = articles.Count());

        Assert.False(ownInstance);
        Assert.Equal(2, count);
        Assert.Same(shared, database.Database);
    }

    [Fact]
    public async Task ReadArticlesThenReopen_SomeoneAsksForTheDatabaseMeanwhile_GetsTheSharedInstanceAfterTheRead()
    {
        using var folder = new TempDirectory();
        using (var setup = NewsBotDatabase.Open(folder.Path))
        {
            await new LiteDbArticleStore(setup).AddNewAsync([Draft(1)], CancellationToken.None);
        }

        using var database = NewsBotDatabase.Open(folder.Path);
        Task<LiteDatabase>? meanwhile = null;
        var readFinished = false;
        var sawReadFinished = Task.FromResult(false);
        new LiteDbArticleStore(database).ReadAllAtStart(articles =>
        {
            meanwhile = Task.Run(() => database.Database);
            sawReadFinished = meanwhile.ContinueWith(_ => Volatile.Read(ref readFinished), TaskScheduler.Default);
            _ = articles.ToList();
            Volatile.Write(ref readFinished, true);
        });

        var instance = await meanwhile!;
        Assert.True(await sawReadFinished);
        Assert.Same(database.Database, instance);
        Assert.Equal(1, instance.GetCollection<ArticleDocument>("articles").Count());
    }

    [Fact]
    public void Database_AfterDispose_IsNotReopened()
    {
        using var folder = new TempDirectory();
        var database = NewsBotDatabase.Open(folder.Path);
        database.Dispose();

        Assert.Throws<ObjectDisposedException>(() => database.Database);
        Assert.Throws<ObjectDisposedException>(() => new LiteDbArticleStore(database).ReadAllAtStart(_ => { }));
    }

    private static ArticleDraft Draft(int number) => new(
        new Article(0, $"https://x.example/{number}", $"1:{number}", $"Story {number}", "Summary", null, 1, "Wire",
        TestBot.Now.AddHours(-number), TestBot.Now, ["science"], null, true), $"1:t{number}");
}
