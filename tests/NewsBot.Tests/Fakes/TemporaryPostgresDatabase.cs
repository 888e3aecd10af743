using Npgsql;

namespace NewsBot.Tests.Fakes;

/// <summary>A database made for one test class on the server of <see cref="PostgresServer"/>; dropped, with any connection left to it, when disposed.</summary>
public sealed class TemporaryPostgresDatabase(string name, string connectionString) : IAsyncDisposable
{
    public string Name { get; } = name;

    /// <summary>The server's connection string with this database in it.</summary>
    public string ConnectionString { get; } = connectionString;

    /// <summary>Runs <paramref name="sql"/> in this database, outside NewsBot's code (to arrange or inspect what a test needs).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of every row <paramref name="sql"/> returns.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetFieldValue<T>(0));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
