using LiteDB;

namespace NewsBot.Tests.Cli;

/// <summary><c>newsbot backup</c> and <c>newsbot restore</c>, run as the real executable.</summary>
public sealed class BackupRestoreProcessTests : FolderTest
{
    private string DataDirectory => Path.Combine(Folder.Path, "data");

    private string Database => Path.Combine(DataDirectory, "newsbot.db");

    [Fact]
    public async Task Backup_BotStopped_WritesADatedCheckedCopyTheBotCanOpen()
    {
        await ChatAsync("/bookmark 3\n");

        var (exitCode, output, errors) = await RunAsync("backup");

        Assert.Equal(0, exitCode);
        Assert.Equal("", errors);
        var copy = Assert.Single(Directory.GetFiles(Path.Combine(DataDirectory, "backups"), "newsbot-*.db"));
        Assert.Matches(@"newsbot-\d{8}-\d{6}\.db$", copy);
        Expect.ContainsAll(output, $"to {copy} (", "1 bookmarks", "The copy was checked");

        var (_, transcript, _) = await ChatAsync("/bookmarks\n", new() { ["NewsBot__DataDirectory"] = Path.Combine(Folder.Path, "restored") }, copyFrom: copy);
        Assert.Contains("Your bookmarks (1)", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_WhileTheBotRuns_SaysToUseTheScheduledBackups()
    {
        await ChatAsync("/latest\n");
        using var running = NewsBotProcess.Start(Folder.Path, ["chat"]);
        try
        {
            await running.WaitForFileAsync(Database + ".lock");

            var (exitCode, _, errors) = await RunAsync("backup");

            Assert.Equal(1, exitCode);
            Assert.Contains("NewsBot is running and holds", errors, StringComparison.Ordinal);
            Assert.Contains("writes its own checked backups every 1.00:00:00 into " + Path.Combine(DataDirectory, "backups"), errors, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(DataDirectory, "backups")));
        }
        finally
        {
            running.CloseInput();
            await running.WaitAsync();
        }
    }

    [Fact]
    public async Task Backup_NoDatabaseYet_SaysSoAndCreatesNothing()
    {
        var (exitCode, _, errors) = await RunAsync("backup");

        Assert.Equal(1, exitCode);
        Assert.Contains("There is no database at " + Database, errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(DataDirectory));
    }

    [Fact]
    public async Task Backup_OutputExists_IsLeftAsItIs()
    {
        await ChatAsync("/latest\n");
        var existing = Path.Combine(Folder.Path, "keep.db");
        await File.WriteAllTextAsync(existing, "precious");

        var (exitCode, _, errors) = await RunAsync("backup", "--output", "keep.db");

        Assert.Equal(1, exitCode);
        Assert.Contains("already exists; it was left as it is", errors, StringComparison.Ordinal);
        Assert.Equal("precious", await File.ReadAllTextAsync(existing));
    }

    [Fact]
    public async Task Backup_OutputFolderCannotBeWritten_SaysSoAndLeavesNoTemporaryFile()
    {
        await ChatAsync("/latest\n");
        var notAFolder = Path.Combine(Folder.Path, "file");
        await File.WriteAllTextAsync(notAFolder, "x");

        var (exitCode, _, errors) = await RunAsync("backup", "--output", Path.Combine(notAFolder, "copy.db"));

        Assert.Equal(1, exitCode);
        Assert.Contains("Cannot write the backup to " + Path.Combine(notAFolder, "copy.db"), errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_ABackup_ReplacesTheDatabaseAndKeepsTheOldOneAside()
    {
        await ChatAsync("/bookmark 3\n");
        await RunAsync("backup", "--output", "monday.db");
        await ChatAsync("/bookmark 5\n/bookmark 7\n");

        var (exitCode, output, errors) = await RunAsync("restore", "monday.db");

        Assert.Equal(0, exitCode);
        Assert.Equal("", errors);
        Assert.Contains("Restored " + Path.Combine(Folder.Path, "monday.db"), output, StringComparison.Ordinal);
        var aside = Assert.Single(Directory.GetDirectories(DataDirectory, "before-restore-*"));
        Assert.Contains("kept in " + aside, output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(aside, "newsbot.db")));

        var (_, transcript, _) = await ChatAsync("/bookmarks\n");
        Assert.Contains("Your bookmarks (1)", transcript, StringComparison.Ordinal);
        var (_, before, _) = await ChatAsync("/bookmarks\n", new() { ["NewsBot__DataDirectory"] = aside });
        Assert.Contains("Your bookmarks (3)", before, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tiny", "too small to be a NewsBot database")]
    [InlineData("noise", "cannot be read as a LiteDB database")]
    [InlineData("foreign", "not a NewsBot database (it has no schema version)")]
    public async Task Restore_NotANewsBotDatabase_ChangesNothing(string kind, string expected)
    {
        await ChatAsync("/bookmark 3\n");
        var before = await File.ReadAllBytesAsync(Database);
        var file = Path.Combine(Folder.Path, kind + ".db");
        switch (kind)
        {
            case "tiny":
                await File.WriteAllTextAsync(file, "not a database");
                break;
            case "noise":
                await File.WriteAllBytesAsync(file, Enumerable.Range(0, 65536).Select(i => (byte)(i * 7919 % 251)).ToArray());
                break;
            default:
                using (var other = new LiteDatabase(file))
                {
                    other.GetCollection("customers").Insert(new BsonDocument { ["name"] = "Ada" });
                    other.GetCollection("orders").Insert(Enumerable.Range(0, 500).Select(i => new BsonDocument { ["n"] = i, ["pad"] = new string('x', 100) }));
                }

                break;
        }

        var (exitCode, _, errors) = await RunAsync("restore", file);

        Assert.Equal(1, exitCode);
        Assert.Contains($"Cannot restore {file}: ", errors, StringComparison.Ordinal);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", errors, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(Database));
        Assert.Empty(Directory.GetDirectories(DataDirectory, "before-restore-*"));
        Assert.Empty(Directory.GetFiles(DataDirectory, ".newsbot-*"));
    }

    [Fact]
    public async Task Restore_NoSuchFile_ChangesNothing()
    {
        var (exitCode, _, errors) = await RunAsync("restore", "missing.db");

        Assert.Equal(1, exitCode);
        Assert.Contains("there is no such file", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_WhileTheBotRuns_RefusesAndChangesNothing()
    {
        await ChatAsync("/latest\n");
        await RunAsync("backup", "--output", "copy.db");
        using var running = NewsBotProcess.Start(Folder.Path, ["chat"]);
        try
        {
            await running.WaitForFileAsync(Database + ".lock");

            var (exitCode, _, errors) = await RunAsync("restore", "copy.db");

            Assert.Equal(1, exitCode);
            Assert.Contains("NewsBot is running and holds " + Database + ". Stop it first", errors, StringComparison.Ordinal);
            Assert.Empty(Directory.GetDirectories(DataDirectory, "before-restore-*"));
        }
        finally
        {
            running.CloseInput();
            await running.WaitAsync();
        }
    }

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments) =>
        NewsBotProcess.RunAsync(Folder.Path, arguments);

    private async Task<(int ExitCode, string Output, string Errors)> ChatAsync(string input, Dictionary<string, string>? environment = null, string? copyFrom = null)
    {
        if (copyFrom is not null)
        {
            var folder = environment!["NewsBot__DataDirectory"];
            Directory.CreateDirectory(folder);
            File.Copy(copyFrom, Path.Combine(folder, "newsbot.db"));
        }

        var result = await NewsBotProcess.RunAsync(Folder.Path, ["chat"], input, environment);
        Assert.True(result.ExitCode == 0, result.Errors);
        return result;
    }
}
