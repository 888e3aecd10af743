using LiteDB;
using NewsBot.Core.Bookmarks;

namespace NewsBot.Tests.Storage;

/// <summary>Consistent copies of a live database, and the scheduled backups of the running service.</summary>
public sealed class BackupTests : FolderTest
{
    [Fact]
    public async Task Copy_WhileAnotherThreadWrites_IsCheckedAndHoldsEverythingWrittenBefore()
    {
        using var bot = new TestBot();
        var source = bot.Source("Wire");
        await bot.IngestAsync(source, Enumerable.Range(0, 200).Select(i => TestBot.Entry($"Story number {i} about harbours", hoursAgo: 2, link: $"https://wire.example/{i}")).ToArray());
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                await bot.Get<IBookmarkStore>().AddAsync(new Bookmark($"telegram:{n++}", 1, TestBot.Now, "Story", "https://wire.example/1", "Wire"), CancellationToken.None);
            }
        });

        var summary = DatabaseBackup.Copy(bot.Get<NewsBotDatabase>(), Path.Combine(Folder.Path, "copy.db"));
        await stop.CancelAsync();
        await writer;

        Assert.Equal(200, summary.Articles);
        Assert.Equal(summary, DatabaseBackup.Check(Path.Combine(Folder.Path, "copy.db")));
        Assert.False(File.Exists(DatabaseBackup.LogFileOf(Path.Combine(Folder.Path, "copy.db"))));
    }

    [Fact]
    public void Copy_LeavesAutomaticCheckpointsOnInTheLiveDatabaseAndInTheCopy()
    {
        using var bot = new TestBot();
        var live = bot.Get<NewsBotDatabase>().Database;
        var before = live.CheckpointSize;

        DatabaseBackup.Copy(bot.Get<NewsBotDatabase>(), Path.Combine(Folder.Path, "copy.db"));

        Assert.True(before > 0);
        Assert.Equal(before, live.CheckpointSize);
        using var copy = new LiteDatabase(Path.Combine(Folder.Path, "copy.db"));
        Assert.Equal(before, copy.CheckpointSize);
    }

    [Fact]
    public void Copy_TargetExists_RefusesAndLeavesIt()
    {
        using var bot = new TestBot();
        var target = Path.Combine(Folder.Path, "copy.db");
        File.WriteAllText(target, "keep me");

        var error = Assert.Throws<IOException>(() => DatabaseBackup.Copy(bot.Get<NewsBotDatabase>(), target));

        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(Folder.Path));
    }

    [Fact]
    public void List_OnlyBackupNamesNewestFirst()
    {
        foreach (var name in new[] { "newsbot-20261101-000000.db", "newsbot-20261130-120000.db", "newsbot.db", "newsbot-log.db", "newsbot-today.db", ".newsbot-x.tmp" })
        {
            File.WriteAllText(Path.Combine(Folder.Path, name), "x");
        }

        var backups = DatabaseBackup.List(Folder.Path);

        Assert.Equal(["newsbot-20261130-120000.db", "newsbot-20261101-000000.db"], backups.Select(b => Path.GetFileName(b.Path)));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), backups[0].At);
    }

    [Fact]
    public async Task Service_OldBackupsOnly_BacksUpAtOnceAndKeepsBackupsToKeep()
    {
        var backups = Path.Combine(Folder.Path, "backups");
        Directory.CreateDirectory(backups);
        File.WriteAllText(Path.Combine(backups, "newsbot-20200101-000000.db"), "old");
        File.WriteAllText(Path.Combine(backups, "newsbot-20200102-000000.db"), "old");
        File.WriteAllText(Path.Combine(backups, "notes.txt"), "mine");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));
        using var host = Build(new() { ["Storage:BackupsToKeep"] = "2" }, clock);
        await host.StartAsync();

        var first = Path.Combine(backups, "newsbot-20261201-060000.db");
        await WaitForAsync(() => File.Exists(first), "the backup at start");

        Assert.True(DatabaseBackup.Check(first).Articles > 0);
        await WaitForAsync(() => !File.Exists(Path.Combine(backups, "newsbot-20200101-000000.db")), "the oldest backup to be pruned");
        Assert.Equal(["newsbot-20261201-060000.db", "newsbot-20200102-000000.db"], DatabaseBackup.List(backups).Select(b => Path.GetFileName(b.Path)));
        Assert.True(File.Exists(Path.Combine(backups, "notes.txt")));
        await host.StopAsync();
    }

    [Fact]
    public async Task Service_AfterTheInterval_BacksUpAgain()
    {
        var clock = new ObservedClock(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));
        using var host = Build(new() { ["Storage:BackupInterval"] = "06:00:00" }, clock);
        await host.StartAsync();
        var backups = Path.Combine(Folder.Path, "backups");
        await WaitForAsync(() => DatabaseBackup.List(backups).Count == 1, "the backup at start");

        // Moved on only once the service waits for the next one, so the move cannot come too early.
        await clock.WaitForWaitAsync(TimeSpan.FromHours(6));
        clock.Advance(TimeSpan.FromHours(6));

        await WaitForAsync(() => DatabaseBackup.List(backups).Count == 2, "the backup after the interval");
        Assert.Equal("newsbot-20261201-120000.db", Path.GetFileName(DatabaseBackup.List(backups)[0].Path));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero), DatabaseBackup.List(backups)[0].At);
        Assert.Null(host.Services.GetRequiredService<BackupService>().Status.LastError);
        await host.StopAsync();
    }

    [Fact]
    public async Task Service_RecentBackupOnDisk_WaitsForTheInterval()
    {
        var backups = Path.Combine(Folder.Path, "backups");
        Directory.CreateDirectory(backups);
        File.WriteAllText(Path.Combine(backups, "newsbot-20261201-050000.db"), "recent");
        var clock = new ObservedClock(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));
        using var host = Build([], clock);
        await host.StartAsync();

        // The day's backup is due 24 h after the one on disk: the service waits 23 h, and that
        // wait is still running 22 h on (a timer fires inside Advance, so this is known at once).
        var nextBackup = await clock.WaitForWaitAsync(TimeSpan.FromHours(23));
        clock.Advance(TimeSpan.FromHours(22));
        Assert.False(clock.HasFired(nextBackup));
        Assert.Single(DatabaseBackup.List(backups));
        clock.Advance(TimeSpan.FromHours(1));

        await WaitForAsync(() => DatabaseBackup.List(backups).Count == 2, "the backup a day after the one on disk");
        await host.StopAsync();
    }

    [Fact]
    public async Task Service_BackupDirectoryCannotBeWritten_StopsStartUpNamingTheKey()
    {
        var notAFolder = Path.Combine(Folder.Path, "file");
        File.WriteAllText(notAFolder, "x");
        using var host = Build(new() { ["Storage:BackupDirectory"] = Path.Combine(notAFolder, "backups") }, null);

        var message = await FailedStart.MessageAsync(() => host.StartAsync());

        Assert.Contains($"Storage:BackupDirectory {Path.Combine(notAFolder, "backups")} cannot be written to", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Storage:BackupInterval", "00:01:00", "Storage:BackupInterval must be at least 00:05:00")]
    [InlineData("Storage:BackupsToKeep", "0", "Storage:BackupsToKeep must be between 1 and 1000")]
    public async Task Service_BadSetting_StopsStartUpNamingTheKey(string key, string value, string expected)
    {
        using var host = Build(new() { [key] = value }, null);

        var message = await FailedStart.MessageAsync(() => host.StartAsync());

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_IntervalZero_TakesNoBackups()
    {
        using var host = Build(new() { ["Storage:BackupInterval"] = "00:00:00" }, null);
        await host.StartAsync();
        await host.StopAsync();

        Assert.False(Directory.Exists(Path.Combine(Folder.Path, "backups")));
    }

    private IHost Build(Dictionary<string, string?> settings, FakeTimeProvider? clock)
    {
        var all = new Dictionary<string, string?>
        {
            ["NewsBot:DataDirectory"] = Folder.Path,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var builder = NewsBotHost.CreateBuilder(HostMode.Service, c => c.AddInMemoryCollection(all));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        if (clock is not null)
        {
            builder.Services.AddSingleton<TimeProvider>(clock);
        }

        return builder.Build();
    }

    /// <summary>Backups are written on a thread of their own; copying a database takes a while on a busy machine.</summary>
    private static Task WaitForAsync(Func<bool> condition, string what) =>
        Eventually.WaitUntilAsync(condition, what, TimeSpan.FromSeconds(60));
}
