using System.Net;
using System.Net.Sockets;
using NewsBot.Storage.Postgres;
using Npgsql;

namespace NewsBot.Tests.Storage.Postgres;

/// <summary>The whole bot on a real PostgreSQL server: a good start, and each way a start must stop with the setting named and nothing written.</summary>
public sealed class PostgresStartTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _data = new();
    private TemporaryPostgresDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresServer.CreateDatabaseAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Start_OnAnEmptyDatabase_CreatesTheSchema_ServesTheSamples_AndWritesNoLiteDbFile()
    {
        using (var host = Build(_database.ConnectionString))
        {
            await host.StartAsync();

            var transcript = await ChatAsync(host, "/latest\n/sources\n/bookmark 1\n");

            Assert.Contains("Latest news — page 1 of", transcript, StringComparison.Ordinal);
            Assert.Contains("Sources (4 of 4 healthy)", transcript, StringComparison.Ordinal);
            Assert.Contains("Saved: ", transcript, StringComparison.Ordinal);
            await host.StopAsync();
        }

        Assert.Equal(Enumerable.Range(1, PostgresMigrations.Latest), await _database.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data.Path));
    }

    [Fact]
    public async Task Start_Again_IndexesWhatIsStored_AndDoesNotStoreTheSamplesTwice()
    {
        int first;
        using (var host = Build(_database.ConnectionString))
        {
            await host.StartAsync();
            first = await host.Services.GetRequiredService<IArticleStore>().CountAsync(CancellationToken.None);
            await ChatAsync(host, "/bookmark 3\n");
            await host.StopAsync();
        }

        using var again = Build(_database.ConnectionString);
        await again.StartAsync();

        Assert.True(first >= 60, $"the samples hold at least 60 articles, got {first}");
        Assert.Equal(first, await again.Services.GetRequiredService<IArticleStore>().CountAsync(CancellationToken.None));
        Assert.Equal(first, again.Services.GetRequiredService<ArticleIndex>().Count);
        Assert.Contains("Your bookmarks (1)", await ChatAsync(again, "/bookmarks\n"), StringComparison.Ordinal);
        await again.StopAsync();
    }

    [Fact]
    public void Service_OnPostgres_ComposesWithoutLiteDbOrItsBackups()
    {
        using var host = NewsBotHost.CreateBuilder(HostMode.Service, c => c.AddInMemoryCollection(Settings(_database.ConnectionString))).Build();

        Assert.Null(host.Services.GetService<BackupService>());
        Assert.Null(host.Services.GetService<NewsBotDatabase>());
        Assert.IsType<NewsBot.Storage.Postgres.PostgresArticleStore>(host.Services.GetRequiredService<IArticleStore>());
    }

    [Fact]
    public async Task Start_LoginRefused_StopsNamingTheSetting_WithoutThePassword_AndWritesNothing()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Username = "nobody_here", Password = "wrong-pass-5150" }.ConnectionString;

        var message = await FailedStartAsync(connectionString);

        Assert.Contains("refused the login", message, StringComparison.Ordinal);
        Assert.Contains("Storage:Postgres:ConnectionString", message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pass-5150", message, StringComparison.Ordinal);
        Assert.Single(message.Split('\n'));
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Start_NoServerAtThatAddress_StopsNamingTheSetting()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = ClosedPort(), Timeout = 5 }.ConnectionString;

        var message = await FailedStartAsync(connectionString);

        Assert.Contains("Cannot reach the PostgreSQL server at 127.0.0.1", message, StringComparison.Ordinal);
        Assert.Contains("Host and Port in Storage:Postgres:ConnectionString", message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data.Path));
    }

    [Fact]
    public async Task Start_NoSuchDatabase_SaysToCreateIt()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Database = _database.Name + "_missing" }.ConnectionString;

        var message = await FailedStartAsync(connectionString);

        Assert.Contains("has no such database", message, StringComparison.Ordinal);
        Assert.Contains("Storage:Postgres:ConnectionString", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SchemaNewerThanThisBinary_StopsNamingTheSetting_AndChangesNothing()
    {
        await _database.ExecuteAsync("""
            CREATE TABLE schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO schema_version (version, description) VALUES (1, 'tables of NewsBot 1'), (7, 'from a newer NewsBot');
            """);

        var message = await FailedStartAsync(_database.ConnectionString);

        Assert.Contains($"has NewsBot schema version 7, newer than this NewsBot understands ({PostgresMigrations.Latest})", message, StringComparison.Ordinal);
        Assert.Contains("Storage:Postgres:ConnectionString", message, StringComparison.Ordinal);
        Assert.Equal(["schema_version"], await _database.QueryAsync<string>("SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'"));
        Assert.Equal([1, 7], await _database.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version"));
    }

    private async Task<string> FailedStartAsync(string connectionString)
    {
        using var host = Build(connectionString);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
        Assert.True(StartupFailure.TryDescribe(failure, out var message), $"not described as a start-up failure: {failure}");
        return message;
    }

    private async Task AssertNothingWrittenAsync()
    {
        Assert.Empty(await _database.QueryAsync<string>("SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data.Path));
    }

    private IHost Build(string connectionString) =>
        NewsBotHost.CreateBuilder(HostMode.TerminalChat, c => c.AddInMemoryCollection(Settings(connectionString))).Build();

    private Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["NewsBot:DataDirectory"] = _data.Path,
        ["Logging:LogLevel:Default"] = "Warning",
        ["Storage:Provider"] = "Postgres",
        ["Storage:Postgres:ConnectionString"] = connectionString,
        ["Telegram:Token"] = "",
        ["Discord:Token"] = "",
    };

    private static async Task<string> ChatAsync(IHost host, string input)
    {
        var output = new StringWriter();
        await host.Services.GetRequiredService<TerminalChat>().RunAsync(new StringReader(input), output, interactive: false, CancellationToken.None);
        return output.ToString();
    }

    /// <summary>A loopback port nothing listens on: taken from the system, then let go.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
