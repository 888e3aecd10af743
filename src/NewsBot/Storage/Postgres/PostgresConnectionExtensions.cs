using Npgsql;

namespace NewsBot.Storage.Postgres;

/// <summary>Reads on a connection the caller holds, as inside a transaction.</summary>
internal static class PostgresConnectionExtensions
{
    public static async Task<List<T>> QueryAsync<T>(this NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = connection.Sql(sql, values);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(map(reader));
            }

            return rows;
        }
    }

    /// <summary>The rows of <paramref name="sql"/>, run after the statements in <paramref name="first"/> (whose results are not read), in one round trip.</summary>
    public static async Task<List<T>> QueryAfterAsync<T>(this NpgsqlConnection connection, IReadOnlyList<NpgsqlBatchCommand> first, string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params object?[] values)
    {
        var batch = new NpgsqlBatch(connection);
        await using (batch.ConfigureAwait(false))
        {
            foreach (var command in first)
            {
                batch.BatchCommands.Add(command);
            }

            batch.BatchCommands.Add(PostgresCommands.BatchCommand(sql, values));
            var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                for (var skipped = 1; skipped < batch.BatchCommands.Count; skipped++)
                {
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                }

                var rows = new List<T>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(map(reader));
                }

                return rows;
            }
        }
    }

    public static async Task<int> ExecuteAsync(this NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = connection.Sql(sql, values);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
