using LiteDB;

namespace NewsBot.Tests.Storage;

/// <summary>
/// Retention on LiteDB finds old articles through an index on the day of publication and then
/// compares the exact time; files written before that index are upgraded once when opened.
/// </summary>
public sealed class ArticleDayIndexTests : IDisposable
{
    private const string DayIndex = nameof(ArticleDocument.PublishedDay);
    private const string ExactIndex = nameof(ArticleDocument.PublishedAt);

    // Midday, so that articles of the cutoff's own day fall on both sides of it.
    private static readonly DateTimeOffset Cutoff = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Item key, publication time, and whether retention at <see cref="Cutoff"/> removes it (keeping "1:kept").</summary>
    private static readonly (string Key, DateTimeOffset Published, bool Deleted)[] Articles =
    [
        ("1:just-before", Cutoff.AddMilliseconds(-1), true),
        ("1:at", Cutoff, false),
        ("1:morning", Cutoff.AddHours(-6), true),
        ("1:evening", Cutoff.AddHours(6), false),
        ("1:day-start", new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), true),
        ("1:day-end", new DateTimeOffset(2026, 11, 20, 23, 59, 59, 999, TimeSpan.Zero), false),
        ("1:day-before", Cutoff.AddDays(-1).AddHours(11).AddMinutes(59), true),
        ("1:day-after", Cutoff.AddDays(1).AddHours(-12), false),
        ("1:kept", Cutoff.AddDays(-40), false),
        ("1:month-ago", Cutoff.AddDays(-30), true),
        ("1:before-1970", new DateTimeOffset(1969, 12, 31, 23, 0, 0, TimeSpan.Zero), true),
        ("1:in-a-fixed-offset", new DateTimeOffset(2026, 11, 20, 13, 30, 0, TimeSpan.FromHours(2)), true),
    ];

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task NewFile_RetentionDeletesExactlyThoseBeforeTheCutoff()
    {
        using (var database = NewsBotDatabase.Open(_folder.Path))
        {
            await new LiteDbArticleStore(database).AddNewAsync(Articles.Select((a, i) => Draft(i + 1, a.Key, a.Published)).ToList(), CancellationToken.None);
            Assert.Equal([.. Articles.Select(a => DayOf(a.Published))], database.Articles.FindAll().Select(a => a.PublishedDay));
        }

        await AssertRetentionAsync();
    }

    [Fact]
    public async Task OldFile_IsUpgradedOnOpen_AndRetentionDeletesExactlyThoseBeforeTheCutoff()
    {
        WriteOldFile();

        using (var database = NewsBotDatabase.Open(_folder.Path))
        {
            Assert.Equal(Indexes(DayIndex), ArticleIndexes(database));
            var raw = database.Database.GetCollection(NewsBotDatabase.ArticlesCollection).FindAll().ToList();
            Assert.Equal([.. Articles.Select(a => DayOf(a.Published))], raw.Select(d => d[DayIndex].AsInt32));
            Assert.All(raw, d =>
            {
                var before = OldDocument(database, d["_id"].AsInt32);
                d.Remove(DayIndex);
                Assert.Equal(LiteDB.JsonSerializer.Serialize(before), LiteDB.JsonSerializer.Serialize(d));
            });
        }

        await AssertRetentionAsync();
    }

    [Fact]
    public void Upgrade_RunsOnlyOnce()
    {
        WriteOldFile();
        NewsBotDatabase.Open(_folder.Path).Dispose();

        // A day taken away after the upgrade: only a second upgrade would put it back.
        using (var database = NewsBotDatabase.Open(_folder.Path))
        {
            var raw = database.Database.GetCollection(NewsBotDatabase.ArticlesCollection);
            var first = raw.FindById(1);
            first.Remove(DayIndex);
            raw.Update(first);
        }

        using var reopened = NewsBotDatabase.Open(_folder.Path);
        Assert.False(reopened.Database.GetCollection(NewsBotDatabase.ArticlesCollection).FindById(1).ContainsKey(DayIndex));
        Assert.Equal(Indexes(DayIndex), ArticleIndexes(reopened));
    }

    [Fact]
    public async Task Upgrade_StoppedHalfWay_IsFinishedOnTheNextOpen()
    {
        WriteOldFile();

        // As a start that stopped after the first articles had their day: the old index still there, no day index yet.
        using (var database = NewsBotDatabase.Open(_folder.Path))
        {
            var raw = database.Database.GetCollection(NewsBotDatabase.ArticlesCollection);
            raw.DropIndex(DayIndex);
            raw.EnsureIndex(ExactIndex, $"$.{ExactIndex}");
            foreach (var document in raw.FindAll().Skip(3).ToList())
            {
                document.Remove(DayIndex);
                raw.Update(document);
            }
        }

        using (var database = NewsBotDatabase.Open(_folder.Path))
        {
            Assert.Equal(Indexes(DayIndex), ArticleIndexes(database));
            Assert.Equal([.. Articles.Select(a => DayOf(a.Published))], database.Articles.FindAll().Select(a => a.PublishedDay));
        }

        await AssertRetentionAsync();
    }

    [Fact]
    public async Task UpgradedFile_WrittenToAgainByAnOlderNewsBot_IsUpgradedAgain()
    {
        WriteOldFile(Articles.Length - 1);
        NewsBotDatabase.Open(_folder.Path).Dispose();

        // What an older version does at its start and when it stores an article.
        using (var database = NewsBotDatabase.Open(_folder.Path))
        {
            var raw = database.Database.GetCollection(NewsBotDatabase.ArticlesCollection);
            raw.EnsureIndex(ExactIndex, $"$.{ExactIndex}");
            raw.Insert(OldDocument(database, Articles.Length));
        }

        using (var database = NewsBotDatabase.Open(_folder.Path))
        {
            Assert.Equal(Indexes(DayIndex), ArticleIndexes(database));
            Assert.Equal(DayOf(Articles[^1].Published), database.Articles.FindById(Articles.Length).PublishedDay);
        }

        await AssertRetentionAsync();
    }

    [Fact]
    public void Retention_ReadsThroughTheDayIndex()
    {
        using var database = NewsBotDatabase.Open(_folder.Path);

        var plan = ArticleDayIndex.Before(database.Articles, Dates.ToStored(Cutoff)).GetPlan();

        Assert.Equal(DayIndex, plan["index"]["name"].AsString);
    }

    private async Task AssertRetentionAsync()
    {
        using var database = NewsBotDatabase.Open(_folder.Path);
        var store = new LiteDbArticleStore(database);

        var deleted = await store.DeleteOlderThanAsync(Cutoff, new HashSet<string> { "1:kept" }, CancellationToken.None);

        var expected = Articles.Select((a, i) => (a, Id: i + 1)).Where(x => x.a.Deleted).Select(x => x.Id).Order();
        Assert.Equal(expected, deleted.Order());
        Assert.Equal(
            Articles.Where(a => !a.Deleted).Select(a => a.Key).Order(StringComparer.Ordinal),
            (await store.ReadAllAsync(CancellationToken.None).Select(a => a.ItemKey).ToListAsync()).Order(StringComparer.Ordinal));
        Assert.Empty(await store.DeleteOlderThanAsync(Cutoff, new HashSet<string> { "1:kept" }, CancellationToken.None));
    }

    /// <summary>A file as versions before the day index left it: every article without its day, and the index on the exact time.</summary>
    private void WriteOldFile(int count = -1)
    {
        using var database = NewsBotDatabase.Open(_folder.Path);
        var raw = database.Database.GetCollection(NewsBotDatabase.ArticlesCollection);
        raw.DropIndex(DayIndex);
        raw.EnsureIndex(ExactIndex, $"$.{ExactIndex}");
        raw.Insert(Enumerable.Range(1, count < 0 ? Articles.Length : count).Select(id => OldDocument(database, id)));
        Assert.Equal(Indexes(ExactIndex), ArticleIndexes(database));
    }

    private static BsonDocument OldDocument(NewsBotDatabase database, int id)
    {
        var (key, published, _) = Articles[id - 1];
        var document = database.Database.Mapper.ToDocument(LiteDbArticleStore.ToDocument(Draft(id, key, published), id));
        document.Remove(DayIndex);
        return document;
    }

    private static ArticleDraft Draft(int number, string key, DateTimeOffset published) => new(
        new Article(0, $"https://x.example/{number}", key, $"Story {number}", "Summary", null, 1, "Wire",
            published, Cutoff, ["science"], null, true), $"1:t{number}");

    private static int DayOf(DateTimeOffset published) => (int)Math.Floor((published.UtcDateTime - DateTime.UnixEpoch).TotalDays);

    private static string[] Indexes(string dateIndex) =>
        [.. new[] { "_id", "Url", "ItemKey", "TitleKey", "StoryId", dateIndex }.Order(StringComparer.Ordinal)];

    private static string[] ArticleIndexes(NewsBotDatabase database) =>
        [.. ArticleDayIndex.IndexesOf(database.Database, NewsBotDatabase.ArticlesCollection).Order(StringComparer.Ordinal)];
}
