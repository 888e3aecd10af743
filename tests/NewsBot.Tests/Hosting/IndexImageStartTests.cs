using Microsoft.Extensions.Logging.Testing;

namespace NewsBot.Tests.Hosting;

/// <summary>Filling the index at start from the image written beside a LiteDB file, and when the image is not to be trusted.</summary>
public sealed class IndexImageStartTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Start_NoImage_ReadsEveryArticle_NextStartTakesThemFromTheImage_ReadingOnlyWhatChangedSince()
    {
        await StoreAsync(Enumerable.Range(1, 30).Select(n => Draft(n, hoursAgo: n)));
        Assert.Equal(new StartFill(0, 30, "there is none", true), Start(writeImage: true));

        // Since the image: the three oldest deleted, one given a story, two new.
        using (var database = NewsBotDatabase.Open(_folder.Path))
        {
            var store = new LiteDbArticleStore(database);
            Assert.Equal(3, (await store.DeleteOlderThanAsync(TestBot.Now.AddHours(-27.5), new HashSet<string>(), CancellationToken.None)).Count);
            var changed = database.Articles.FindById(12);
            changed.StoryId = 11;
            database.Articles.Update(changed);
            await store.AddNewAsync([Draft(31, hoursAgo: 0), Draft(32, hoursAgo: 0)], CancellationToken.None);
        }

        using var database2 = NewsBotDatabase.Open(_folder.Path);
        var store2 = new LiteDbArticleStore(database2);
        using var index = new ArticleIndex();
        var fill = ArticleIndexLoader.Fill(store2, IndexImageFile.Beside(database2.FilePath), index);

        Assert.Equal(new StartFill(26, 3, null, true), fill);
        using var fresh = new ArticleIndex();
        fresh.AddRange(await store2.ReadAllAsync(CancellationToken.None).ToListAsync());
        AssertSameAnswers(fresh, index);
        Assert.DoesNotContain(12, index.Latest(0, 100).Ids);
    }

    [Fact]
    public async Task Start_DatabasePutBackFromACopyTakenBeforeTheImage_ReadsEveryArticle()
    {
        await StoreAsync(Enumerable.Range(1, 10).Select(n => Draft(n, hoursAgo: n)));
        Start(writeImage: true);
        var copy = Path.Combine(_folder.Path, "copy.db");
        File.Copy(DatabaseFile, copy);
        Assert.Null(Start(writeImage: true).ImageNotUsed);

        // The copy names the image written before it was taken; the file beside it is a later one.
        PutBack(copy);
        var fill = Start(writeImage: false);

        Assert.Equal(new StartFill(0, 10, "it was written for another copy of the database", true), fill);
    }

    [Fact]
    public async Task Start_DatabaseThatNeverHadAnImage_DoesNotTakeAnImageLeftBeside()
    {
        await StoreAsync(Enumerable.Range(1, 10).Select(n => Draft(n, hoursAgo: n)));
        var copy = Path.Combine(_folder.Path, "copy.db");
        File.Copy(DatabaseFile, copy);
        Start(writeImage: true);

        PutBack(copy);

        Assert.Equal(new StartFill(0, 10, "the database does not name one", true), Start(writeImage: false));
    }

    [Theory]
    [InlineData("damaged")]
    [InlineData("cut short")]
    [InlineData("empty")]
    public async Task Start_ImageDamaged_ReadsEveryArticle_AndAnswersAsWithout(string damage)
    {
        await StoreAsync(Enumerable.Range(1, 20).Select(n => Draft(n, hoursAgo: n)));
        Start(writeImage: true);
        var image = IndexImageFile.Beside(DatabaseFile).Path;
        var bytes = File.ReadAllBytes(image);
        File.WriteAllBytes(image, damage switch
        {
            "damaged" => [.. bytes[..200], (byte)(bytes[200] ^ 1), .. bytes[201..]],
            "cut short" => bytes[..(bytes.Length / 2)],
            _ => [],
        });

        using var database = NewsBotDatabase.Open(_folder.Path);
        var store = new LiteDbArticleStore(database);
        using var index = new ArticleIndex();
        var fill = ArticleIndexLoader.Fill(store, IndexImageFile.Beside(database.FilePath), index);

        Assert.Equal(0, fill.FromImage);
        Assert.Equal(20, fill.Read);
        Assert.Equal(damage == "empty" ? "it is not an index image of this format" : "it is damaged", fill.ImageNotUsed);
        using var fresh = new ArticleIndex();
        fresh.AddRange(await store.ReadAllAsync(CancellationToken.None).ToListAsync());
        AssertSameAnswers(fresh, index);
    }

    [Fact]
    public async Task WriteImage_FolderCannotTakeTheFile_SaysSo_AndTheNextStartReadsTheStore()
    {
        await StoreAsync(Enumerable.Range(1, 5).Select(n => Draft(n, hoursAgo: n)));

        // A folder where the image's temporary file would go: the write fails.
        Directory.CreateDirectory(IndexImageFile.Beside(DatabaseFile).Path + ".new");
        var logger = new FakeLogger<ArticleIndexLoader>();
        using (var database = NewsBotDatabase.Open(_folder.Path))
        {
            var store = new LiteDbArticleStore(database);
            using var index = new ArticleIndex();
            ArticleIndexLoader.Fill(store, IndexImageFile.Beside(database.FilePath), index);
            Assert.False(ArticleIndexLoader.WriteImage(store, index, logger));
        }

        Assert.Contains("Could not write the index image", logger.Collector.LatestRecord.Message, StringComparison.Ordinal);
        Assert.Equal(new StartFill(0, 5, "there is none", true), Start(writeImage: false));
    }

    private string DatabaseFile => Path.Combine(_folder.Path, NewsBotDatabase.FileName);

    private void PutBack(string copy)
    {
        File.Copy(copy, DatabaseFile, overwrite: true);
        File.Delete(NewsBotDatabase.LogFilePath(DatabaseFile));
    }

    private async Task StoreAsync(IEnumerable<ArticleDraft> drafts)
    {
        using var database = NewsBotDatabase.Open(_folder.Path);
        await new LiteDbArticleStore(database).AddNewAsync([.. drafts], CancellationToken.None);
    }

    /// <summary>One start: opens the database, fills an index as the app does, and writes the image as a stop does.</summary>
    private StartFill Start(bool writeImage)
    {
        using var database = NewsBotDatabase.Open(_folder.Path);
        var store = new LiteDbArticleStore(database);
        using var index = new ArticleIndex();
        var fill = ArticleIndexLoader.Fill(store, IndexImageFile.Beside(database.FilePath), index);
        if (writeImage)
        {
            Assert.True(ArticleIndexLoader.WriteImage(store, index, NullLogger.Instance));
        }

        return fill;
    }

    private static void AssertSameAnswers(ArticleIndex expected, ArticleIndex actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.VocabularySize, actual.VocabularySize);
        Assert.Equal(expected.Latest(0, 100).Ids, actual.Latest(0, 100).Ids);
        Assert.Equal(expected.Topics(), actual.Topics());
        foreach (var words in new[] { "robot", "harbour", "story 7", "\"solar harbour\"" })
        {
            Assert.Equal(expected.Search(SearchQuery.Parse(words), 0, 50, TestBot.Now).Ids, actual.Search(SearchQuery.Parse(words), 0, 50, TestBot.Now).Ids);
        }
    }

    private static ArticleDraft Draft(int number, int hoursAgo) => new(
        new Article(
            0, $"https://x.example/{number}", $"1:{number}", $"Story {number} robot harbour", number % 2 == 0 ? "Solar harbour opens" : "Robot council",
            null, 1 + (number % 3), "Wire", TestBot.Now.AddHours(-hoursAgo), TestBot.Now, number % 2 == 0 ? ["science"] : ["climate"], null, true),
        $"1:t{number}");
}
