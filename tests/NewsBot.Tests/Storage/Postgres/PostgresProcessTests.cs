using Npgsql;

namespace NewsBot.Tests.Storage.Postgres;

/// <summary>The real executable on PostgreSQL, as an operator runs it: settings from the environment.</summary>
public sealed class PostgresProcessTests() : ServerTest<TemporaryPostgresDatabase>(PostgresServer.CreateDatabaseAsync)
{
    [Fact]
    public async Task Chat_OnPostgres_RemembersBookmarksAcrossRuns()
    {
        var (firstExit, firstOutput, _) = await NewsBotProcess.RunAsync(Folder.Path, ["chat"], "/bookmark 2\n", Environment(Server.ConnectionString));
        var (secondExit, secondOutput, errors) = await NewsBotProcess.RunAsync(Folder.Path, ["chat"], "/bookmarks\n", Environment(Server.ConnectionString));

        Assert.Equal(0, firstExit);
        Assert.Contains("Saved: ", firstOutput, StringComparison.Ordinal);
        Assert.Equal(0, secondExit);
        Assert.Contains("Your bookmarks (1)", secondOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Folder.Path, "data")), "a LiteDB data folder was made although the store is PostgreSQL");
    }

    [Fact]
    public async Task Chat_LoginRefused_ExitsWithTwo_AndOneLineNamingTheSetting_WithoutThePassword()
    {
        var refused = new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Username = "nobody_here", Password = "wrong-pass-5150" }.ConnectionString;

        var (exitCode, output, errors) = await NewsBotProcess.RunAsync(Folder.Path, ["chat"], "/latest\n", Environment(refused));

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("NewsBot cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains("Storage:Postgres:ConnectionString", line, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pass-5150", output + errors, StringComparison.Ordinal);
        Assert.Empty(await Server.QueryAsync<string>("SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Folder.Path));
    }

    [Fact]
    public async Task Chat_UnreadableConnectionString_ExitsWithTwo_NamingTheSettingOnItsLine_WithoutRepeatingIt()
    {
        var (exitCode, output, errors) = await NewsBotProcess.RunAsync(Folder.Path, ["chat"], "/latest\n", Environment("Host=db.example;Port=s3cr3t-pw"));

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("NewsBot cannot start: the configuration has problems.", lines[0]);
        Assert.StartsWith("Storage:Postgres:ConnectionString cannot be read", Assert.Single(lines, l => l.Contains("Storage:Postgres", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-pw", output + errors, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Folder.Path));
    }

    [Fact]
    public async Task Chat_SchemaNewerThanThisNewsBot_ExitsWithTwo_AndOneLineNamingTheSetting_AndChangesNothing()
    {
        await Server.ExecuteAsync("""
            CREATE TABLE schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO schema_version (version, description) VALUES (1, 'tables of NewsBot 1'), (70, 'from a newer NewsBot');
            """);

        var (exitCode, _, errors) = await NewsBotProcess.RunAsync(Folder.Path, ["chat"], "/latest\n", Environment(Server.ConnectionString));

        Assert.Equal(2, exitCode);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("newer than this NewsBot understands", line, StringComparison.Ordinal);
        Assert.Contains("Storage:Postgres:ConnectionString", line, StringComparison.Ordinal);
        Assert.Equal(["schema_version"], await Server.QueryAsync<string>("SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Folder.Path));
    }

    [Fact]
    public async Task BackupAndRestore_OnPostgres_PointToPostgresTools_AndChangeNothing()
    {
        var (backupExit, _, backupErrors) = await NewsBotProcess.RunAsync(Folder.Path, ["backup"], "", Environment(Server.ConnectionString));
        var file = Path.Combine(Folder.Path, "copy.db");
        await File.WriteAllTextAsync(file, "not a database");
        var (restoreExit, _, restoreErrors) = await NewsBotProcess.RunAsync(Folder.Path, ["restore", file], "", Environment(Server.ConnectionString));

        Assert.Equal(1, backupExit);
        Assert.Contains("pg_dump", backupErrors, StringComparison.Ordinal);
        Assert.Equal(1, restoreExit);
        Assert.Contains("pg_restore", restoreErrors, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", restoreErrors, StringComparison.Ordinal);
        Assert.Equal(["copy.db"], Directory.EnumerateFileSystemEntries(Folder.Path).Select(Path.GetFileName));
    }

    private static Dictionary<string, string> Environment(string connectionString) => new()
    {
        ["Storage__Provider"] = "Postgres",
        ["Storage__Postgres__ConnectionString"] = connectionString,
    };
}
