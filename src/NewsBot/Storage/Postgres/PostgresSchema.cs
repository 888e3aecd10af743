using Npgsql;

namespace NewsBot.Storage.Postgres;

/// <summary>
/// Brings a database to the schema this binary knows. Forward only: the steps above the stored
/// version run in order, each in its own transaction with its row in <c>schema_version</c>, so a
/// step either happened completely or not at all. Instances that start together queue on one
/// PostgreSQL advisory lock, so the first creates the schema and the others find it made. A
/// database whose version is above every step known here is refused before anything is written.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The advisory lock key every NewsBot instance takes to change the schema ("NewsBot" in ASCII).</summary>
    internal const long LockKey = 0x4E_65_77_73_42_6F_74;

    /// <summary>Applies the missing steps; returns the version before and after.</summary>
    /// <param name="where">The server and database as messages may show them.</param>
    /// <exception cref="DatabaseUnavailableException">The database's schema is newer than <paramref name="migrations"/>.</exception>
    public static async Task<(int Before, int After)> MigrateAsync(NpgsqlDataSource dataSource, IReadOnlyList<PostgresMigration> migrations, string where, CancellationToken cancellationToken)
    {
        CheckNumbering(migrations);
        var newest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // No time limit on the wait: another instance may be in the middle of a long step.
            await ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", cancellationToken, LockKey).ConfigureAwait(false);
            try
            {
                var before = await VersionAsync(connection, cancellationToken).ConfigureAwait(false);
                if (before > newest)
                {
                    throw new DatabaseUnavailableException(
                        $"The PostgreSQL database at {where} has NewsBot schema version {before}, newer than this NewsBot understands ({newest}). "
                        + $"Run a newer NewsBot, or point {PostgresOptions.ConnectionStringKey} at another database. Nothing was changed.");
                }

                foreach (var migration in migrations.Where(m => m.Version > before))
                {
                    var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    await using (transaction.ConfigureAwait(false))
                    {
                        await ExecuteAsync(connection, migration.Sql, cancellationToken).ConfigureAwait(false);
                        await ExecuteAsync(connection, "INSERT INTO schema_version (version, description) VALUES ($1, $2)", cancellationToken, migration.Version, migration.Description).ConfigureAwait(false);
                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                return (before, Math.Max(before, newest));
            }
            finally
            {
                await UnlockAsync(connection).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The stored version: 0 for a database without NewsBot's tables.</summary>
    public static async Task<int> VersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var exists = connection.Sql("SELECT to_regclass('schema_version') IS NOT NULL");
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            return 0;
        }

        await using var version = connection.Sql("SELECT coalesce(max(version), 0) FROM schema_version");
        return (int)(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static void CheckNumbering(IReadOnlyList<PostgresMigration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Schema steps must be numbered 1, 2, 3… in order; step {i + 1} is numbered {migrations[i].Version}.");
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = connection.Sql(sql, values);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task UnlockAsync(NpgsqlConnection connection)
    {
        try
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None, LockKey).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The connection is gone, and the server let go of the lock with it.
        }
    }
}
