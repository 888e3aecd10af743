using System.Security.Cryptography;
using NewsBot.Core.Articles;
using NewsBot.Storage;
using NewsBot.Tests.Fakes;

namespace NewsBot.Tests.Storage;

/// <summary>Damaged files, full disks and failed writes: nothing refused is touched, nothing committed is lost.</summary>
public sealed class DatabaseFailureTests
{
    private static ArticleDraft Draft(int n) =>
        new($"https://x.example/{n}", $"1:{n}", $"Story {n}", new string('x', 400), null, 1, "Wire", TestBot.Now, TestBot.Now, [], null, true, $"1:t{n}");

    private static string Made(string folder, int articles)
    {
        using (var database = NewsBotDatabase.Open(folder))
        {
            var store = new LiteDbArticleStore(database);
            for (var i = 1; i <= articles; i += 100)
            {
                store.AddNew(Enumerable.Range(i, Math.Min(100, articles - i + 1)).Select(Draft).ToList());
            }
        }

        return System.IO.Path.Combine(folder, NewsBotDatabase.FileName);
    }

    [Fact]
    public void Open_FileOfAnOddLength_IsRefusedAndLeftExactlyAsItWas()
    {
        using var folder = new TempDirectory();
        var file = Made(folder.Path, 300);
        using (var stream = new FileStream(file, FileMode.Open))
        {
            stream.SetLength(200_000);
        }

        var before = SHA256.HashData(File.ReadAllBytes(file));

        var error = Assert.Throws<DatabaseUnavailableException>(() => NewsBotDatabase.Open(folder.Path));

        Assert.Contains("left untouched", error.Message, StringComparison.Ordinal);
        Assert.Equal(200_000, new FileInfo(file).Length);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(file)));
    }

    [Fact]
    public void Open_FileCutToHalfItsPages_IsRefusedAndLeftExactlyAsItWas()
    {
        using var folder = new TempDirectory();
        var file = Made(folder.Path, 2_000);
        var pages = new FileInfo(file).Length / 8192;
        using (var stream = new FileStream(file, FileMode.Open))
        {
            stream.SetLength(pages / 2 * 8192);
        }

        var before = SHA256.HashData(File.ReadAllBytes(file));
        var length = new FileInfo(file).Length;

        var error = Assert.Throws<DatabaseUnavailableException>(() => NewsBotDatabase.Open(folder.Path));

        Assert.Contains("left untouched", error.Message, StringComparison.Ordinal);
        Assert.Equal(length, new FileInfo(file).Length);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(file)));
    }

    [Fact]
    public void Open_OnAFullDisk_SaysSoAndLeavesNoHalfMadeDatabase()
    {
        using var disk = new TinyDisk();
        var data = System.IO.Path.Combine(disk.Path, "data");
        Directory.CreateDirectory(data);
        disk.Fill();

        var error = Assert.Throws<DatabaseUnavailableException>(() => NewsBotDatabase.Open(data));

        Assert.Contains("the disk is full", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(data));

        // Once there is room, the same folder works: nothing left behind is refused.
        disk.Free();
        using var database = NewsBotDatabase.Open(data);
        Assert.Equal("1", database.State.FindById("schema").Value);
    }

    [Fact]
    public void AFailedWrite_OnAFullDisk_DoesNotBreakReads_AndWritesWorkAgainOnceThereIsRoom()
    {
        using var disk = new TinyDisk();
        using var database = NewsBotDatabase.Open(disk.Path);
        var store = new LiteDbArticleStore(database);
        store.AddNew(Enumerable.Range(1, 20).Select(Draft).ToList());
        disk.Fill();

        Assert.ThrowsAny<IOException>(() => store.AddNew(Enumerable.Range(21, 200).Select(Draft).ToList()));

        // Reads still work while the disk is full, and nothing committed before was lost.
        Assert.Equal(20, store.Count());
        Assert.Equal("Story 7", store.Get(7)!.Title);

        disk.Free();
        var added = store.AddNew(Enumerable.Range(21, 5).Select(Draft).ToList()).Added;
        Assert.Equal(5, added.Count);
        Assert.Equal(25, store.Count());
        Assert.Equal(21, added[0].Id); // the failed transaction took no number
    }

    [Fact]
    public void AFailedWrite_ItsTransactionIsRolledBack_NotHalfWritten()
    {
        using var disk = new TinyDisk();
        using (var database = NewsBotDatabase.Open(disk.Path))
        {
            var store = new LiteDbArticleStore(database);
            store.AddNew([Draft(1)]);
            disk.Fill();
            Assert.ThrowsAny<IOException>(() => store.AddNew(Enumerable.Range(2, 300).Select(Draft).ToList()));
            disk.Free();
        }

        using var reopened = NewsBotDatabase.Open(disk.Path);
        Assert.Equal(1, new LiteDbArticleStore(reopened).Count());
    }
}
