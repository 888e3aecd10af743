using Npgsql;

namespace NewsBot.Tests.Fakes;

/// <summary>
/// The PostgreSQL server the tests use: a real one, named by <see cref="Variable"/> (.ci/run
/// starts a throw-away one and sets it). A test that needs it and finds none fails, saying how
/// to get one; it is never skipped.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "NEWSBOT_TEST_POSTGRES";

    /// <summary>A connection string of a user who may create databases.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"This test needs a PostgreSQL server and {Variable} is not set. Run the whole suite with .ci/run (it starts a throw-away server), "
                + "or start one yourself with: eval \"$(.ci/postgres start)\" and run dotnet test in that shell (.ci/postgres stop ends it). "
                + $"A server of your own works too: set {Variable} to a connection string of a user who may create databases, "
                + "e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=...;Database=postgres.");

    /// <summary>A new, empty database of its own, dropped when disposed.</summary>
    public static async Task<TemporaryPostgresDatabase> CreateDatabaseAsync()
    {
        var name = "newsbot_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new TemporaryPostgresDatabase(name, new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name, Pooling = true }.ConnectionString);
    }
}
