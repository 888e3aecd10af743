using Npgsql;
using NewsBot.Storage.Postgres;

namespace NewsBot.Storage.Copy;

/// <summary>
/// Whether a PostgreSQL database may receive a copy: it reads only. A database without
/// NewsBot's schema must hold no tables at all; one with it must have a schema this NewsBot
/// knows and nothing in the tables the copy fills.
/// </summary>
internal static class TargetCheck
{
    /// <exception cref="CopyRefusedException">The database is not empty, or its schema is newer than this NewsBot.</exception>
    public static async Task EnsureEmptyAsync(NpgsqlConnection connection, string where, CancellationToken cancellationToken)
    {
        var version = await PostgresSchema.VersionAsync(connection, cancellationToken).ConfigureAwait(false);
        if (version > PostgresMigrations.Latest)
        {
            throw new CopyRefusedException(
                $"The PostgreSQL database at {where} has NewsBot schema version {version}, newer than this NewsBot understands ({PostgresMigrations.Latest}), so it is not empty. "
                + $"Give {CopyTarget.Option} an empty database. Nothing was written.");
        }

        if (version == 0)
        {
            var tables = await connection.QueryAsync(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1",
                r => r.GetString(0),
                cancellationToken).ConfigureAwait(false);
            if (tables.Count > 0)
            {
                throw new CopyRefusedException(
                    $"The PostgreSQL database at {where} is not empty: it has {tables.Count} {(tables.Count == 1 ? "table" : "tables")} of something other than NewsBot ({Listed(tables)}). "
                    + $"Give {CopyTarget.Option} an empty database (createdb -O <user> <name>). Nothing was written.");
            }

            return;
        }

        var filled = new List<string>();
        foreach (var table in CopiedTables.Names)
        {
            if (await TableHasRowsAsync(connection, table, cancellationToken).ConfigureAwait(false))
            {
                filled.Add(table);
            }
        }

        if (filled.Count > 0)
        {
            throw new CopyRefusedException(
                $"The PostgreSQL database at {where} is not empty: it already holds NewsBot data (in {Listed(filled)}). storage copy only fills an empty database; "
                + $"give {CopyTarget.Option} a new one (createdb -O <user> <name>). Nothing was written.");
        }
    }

    private static async Task<bool> TableHasRowsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var present = connection.Sql("SELECT to_regclass($1) IS NOT NULL", table);
        if (!(bool)(await present.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            return false;
        }

        await using var rows = connection.Sql($"SELECT EXISTS (SELECT 1 FROM {table})");
        return (bool)(await rows.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static string Listed(List<string> names) =>
        names.Count <= 4 ? string.Join(", ", names) : string.Join(", ", names.Take(4)) + ", …";
}
