using System.Security.Cryptography;

namespace NewsBot.Tests.Storage;

/// <summary>Damaged files, full disks and failed writes: nothing refused is touched, nothing committed is lost.</summary>
public sealed class DatabaseFailureTests
{
    private static ArticleDraft Draft(int n) =>
        new(new Article(0, $"https://x.example/{n}", $"1:{n}", $"Story {n}", new string('x', 400), null, 1, "Wire", TestBot.Now, TestBot.Now, [], null, true), $"1:t{n}");

    private static async Task<string> MadeAsync(string folder, int articles)
    {
        using (var database = NewsBotDatabase.Open(folder))
        {
            var store = new LiteDbArticleStore(database);
            for (var i = 1; i <= articles; i += 100)
            {
                await store.AddNewAsync(Enumerable.Range(i, Math.Min(100, articles - i + 1)).Select(Draft).ToList(), CancellationToken.None);
            }
        }

        return System.IO.Path.Combine(folder, NewsBotDatabase.FileName);
    }

    [Fact]
    public async Task Open_FileOfAnOddLength_IsRefusedAndLeftExactlyAsItWas()
    {
        using var folder = new TempDirectory();
        var file = await MadeAsync(folder.Path, 300);
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
    public async Task Open_FileCutToHalfItsPages_IsRefusedAndLeftExactlyAsItWas()
    {
        using var folder = new TempDirectory();
        var file = await MadeAsync(folder.Path, 2_000);
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
    public async Task AFailedWrite_OnAFullDisk_DoesNotBreakReads_AndWritesWorkAgainOnceThereIsRoom()
    {
        using var disk = new TinyDisk();
        using var database = NewsBotDatabase.Open(disk.Path);
        var store = new LiteDbArticleStore(database);
        await store.AddNewAsync(Enumerable.Range(1, 20).Select(Draft).ToList(), CancellationToken.None);
        disk.Fill();

        await Assert.ThrowsAnyAsync<IOException>(async () => await store.AddNewAsync(Enumerable.Range(21, 200).Select(Draft).ToList(), CancellationToken.None));

        // Reads still work while the disk is full, and nothing committed before was lost.
        Assert.Equal(20, await store.CountAsync(CancellationToken.None));
        Assert.Equal("Story 7", (await store.GetAsync(7, CancellationToken.None))!.Title);

        disk.Free();
        var added = (await store.AddNewAsync(Enumerable.Range(21, 5).Select(Draft).ToList(), CancellationToken.None)).Added;
        Assert.Equal(5, added.Count);
        Assert.Equal(25, await store.CountAsync(CancellationToken.None));
        Assert.Equal(21, added[0].Id); // the failed transaction took no number
    }

    [Fact]
    public async Task AFailedWrite_ItsTransactionIsRolledBack_NotHalfWritten()
    {
        using var disk = new TinyDisk();
        using (var database = NewsBotDatabase.Open(disk.Path))
        {
            var store = new LiteDbArticleStore(database);
            await store.AddNewAsync([Draft(1)], CancellationToken.None);
            disk.Fill();
            await Assert.ThrowsAnyAsync<IOException>(async () => await store.AddNewAsync(Enumerable.Range(2, 300).Select(Draft).ToList(), CancellationToken.None));
            disk.Free();
        }

        using var reopened = NewsBotDatabase.Open(disk.Path);
        Assert.Equal(1, await new LiteDbArticleStore(reopened).CountAsync(CancellationToken.None));
    }
}
