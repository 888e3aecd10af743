using Npgsql;

namespace NewsBot.Benchmarks.Stores;

/// <summary>
/// Fresh PostgreSQL databases on one server for a run, each empty as a new LiteDB file is; all
/// of them are dropped when this is disposed, also after a failure or an interruption.
/// </summary>
internal sealed class PostgresDatabases(string serverConnectionString) : IAsyncDisposable
{
    private readonly List<string> _made = [];

    /// <summary>A new empty database; returns its connection string.</summary>
    public async Task<string> CreateAsync(CancellationToken cancellationToken)
    {
        var name = "newsbot_bench_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(serverConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        _made.Add(name);
        return new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, Pooling = true, CommandTimeout = 0 }.ConnectionString;
    }

    /// <summary>The settings that put the bot's stores on <paramref name="connectionString"/>.</summary>
    public static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:Postgres:ConnectionString"] = connectionString,
    };

    /// <summary>The size of the database on disk, tables and indexes.</summary>
    public static async Task<long> SizeAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var size = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)(await size.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        foreach (var name in _made)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
