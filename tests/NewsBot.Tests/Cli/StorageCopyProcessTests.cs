using Npgsql;

namespace NewsBot.Tests.Cli;

/// <summary><c>newsbot storage copy --to-postgres</c>, run as the real executable against a real PostgreSQL server.</summary>
public sealed class StorageCopyProcessTests : IDisposable
{
    private const string Secret = "wrong-pass-5150";

    private readonly TempDirectory _work = new();

    public void Dispose() => _work.Dispose();

    private string Database => Path.Combine(_work.Path, "data", "newsbot.db");

    [Fact]
    public async Task Copy_AnInstallation_PrintsWhatItCopiedAndVerified_AndTheBotRunsOnIt()
    {
        await using var target = await PostgresServer.CreateDatabaseAsync();
        await ChatAsync("/bookmark 3\n/subscribe climate daily 07:30\n/subscribe confirm 1\n/subscribe technology\n/subscribe confirm 2\n");

        var (exitCode, output, errors) = await CopyAsync(target.ConnectionString);

        Assert.True(exitCode == 0, errors);
        Assert.Contains("Copied " + Database + " into PostgreSQL at 127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Matches(@"\n  subscriptions +2 +2 +2\n", output);
        Assert.Matches(@"\n  bookmarks +1 +1 +1\n", output);
        Assert.Matches(@"\n  articles +(\d+) +\1 +\1\n", output);
        Assert.Contains("Storage__Provider=Postgres", output, StringComparison.Ordinal);

        // Standard error is not a terminal here: plain progress lines, ending at the total.
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.EndsWith(" articles", StringComparison.Ordinal));
        Assert.Matches(@"^(\d+)/\1 state$", lines[^1]);

        var (_, onLite, _) = await ChatAsync("/subscriptions\n/bookmarks\n");
        var (_, onPostgres, _) = await ChatAsync("/subscriptions\n/bookmarks\n", OnPostgres(target.ConnectionString));
        Assert.Contains("Your bookmarks (1)", onPostgres, StringComparison.Ordinal);
        Assert.Equal(onLite, onPostgres);
    }

    [Fact]
    public async Task Copy_IntoADatabaseThatHoldsNewsBotData_IsRefused_AndWritesNothing()
    {
        await using var target = await PostgresServer.CreateDatabaseAsync();
        await ChatAsync("/bookmark 3\n");
        Assert.Equal(0, (await CopyAsync(target.ConnectionString)).ExitCode);
        await ChatAsync("/bookmark 5\n");

        var (exitCode, output, errors) = await CopyAsync(target.ConnectionString);

        AssertRefused(exitCode, output, errors, "is not empty: it already holds NewsBot data");
        Assert.Equal([1L], await target.QueryAsync<long>("SELECT count(*) FROM bookmarks"));
    }

    [Fact]
    public async Task Copy_IntoADatabaseOfSomethingElse_IsRefused_AndWritesNothing()
    {
        await using var target = await PostgresServer.CreateDatabaseAsync();
        await target.ExecuteAsync("CREATE TABLE invoices (id integer)");
        await ChatAsync("/latest\n");

        var (exitCode, output, errors) = await CopyAsync(target.ConnectionString);

        AssertRefused(exitCode, output, errors, "is not empty: it has 1 table of something other than NewsBot (invoices)");
        Assert.Equal(["invoices"], await Tables(target));
    }

    [Fact]
    public async Task Copy_ToTheLiteDbFile_IsRefused()
    {
        await ChatAsync("/latest\n");
        var before = await File.ReadAllBytesAsync(Database);

        var (exitCode, output, errors) = await CopyAsync("data/newsbot.db");

        AssertRefused(exitCode, output, errors, $"--to-postgres names the file {Database}, not a PostgreSQL database");
        Assert.Equal(before, await File.ReadAllBytesAsync(Database));
    }

    [Theory]
    [InlineData("Filename=data/newsbot.db;Password=" + Secret, "with Filename=, which is a LiteDB or SQLite file's")]
    [InlineData("mongodb://newsbot:" + Secret + "@127.0.0.1/newsbot", "was given a URL")]
    [InlineData("backups/newsbot-20261201-040000.db", "looks like a file path of a LiteDB database")]
    [InlineData("Host=127.0.0.1;Pasword=" + Secret, "cannot be read as a PostgreSQL connection string")]
    [InlineData("", "needs the connection string of an empty PostgreSQL database")]
    public async Task Copy_ToSomethingThatIsNotAPostgresConnectionString_IsRefused(string target, string expected)
    {
        await ChatAsync("/latest\n");

        var (exitCode, output, errors) = await CopyAsync(target);

        AssertRefused(exitCode, output, errors, expected);
    }

    [Fact]
    public async Task Copy_LoginRefused_IsRefused_WithoutThePassword_AndWritesNothing()
    {
        await using var target = await PostgresServer.CreateDatabaseAsync();
        await ChatAsync("/latest\n");
        var refused = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Password = Secret }.ConnectionString;

        var (exitCode, output, errors) = await CopyAsync(refused);

        AssertRefused(exitCode, output, errors, "refused the login");
        Assert.Contains($"/{target.Name} as ", errors, StringComparison.Ordinal);
        Assert.Empty(await Tables(target));
    }

    [Fact]
    public async Task Copy_WhileTheBotRuns_IsRefused_AndWritesNothing()
    {
        await using var target = await PostgresServer.CreateDatabaseAsync();
        await ChatAsync("/latest\n");
        using var running = NewsBotProcess.Start(_work.Path, ["chat"]);
        try
        {
            await running.WaitForFileAsync(Database + ".lock");

            var (exitCode, _, errors) = await CopyAsync(target.ConnectionString);

            Assert.Equal(1, exitCode);
            Assert.Contains("NewsBot is running and holds " + Database + ". Stop it first", errors, StringComparison.Ordinal);
            Assert.Empty(await Tables(target));
        }
        finally
        {
            running.CloseInput();
            await running.WaitAsync();
        }
    }

    private static void AssertRefused(int exitCode, string output, string errors, string expected)
    {
        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was written.", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, line, StringComparison.Ordinal);
    }

    private static Task<List<string>> Tables(TemporaryPostgresDatabase database) =>
        database.QueryAsync<string>("SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");

    private Task<(int ExitCode, string Output, string Errors)> CopyAsync(string target) =>
        NewsBotProcess.RunAsync(_work.Path, ["storage", "copy", "--to-postgres", target]);

    private async Task<(int ExitCode, string Output, string Errors)> ChatAsync(string input, Dictionary<string, string>? environment = null)
    {
        var result = await NewsBotProcess.RunAsync(_work.Path, ["chat"], input, environment);
        Assert.True(result.ExitCode == 0, result.Errors);
        return result;
    }

    private static Dictionary<string, string> OnPostgres(string connectionString) => new()
    {
        ["Storage__Provider"] = "Postgres",
        ["Storage__Postgres__ConnectionString"] = connectionString,
    };
}
