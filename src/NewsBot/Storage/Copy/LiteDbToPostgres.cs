using LiteDB;
using Npgsql;
using NewsBot.Storage.Postgres;

namespace NewsBot.Storage.Copy;

/// <summary>
/// Copies NewsBot's LiteDB database into an empty PostgreSQL database: checks that the target is
/// empty without writing, lets the bot's own migrations make the schema, then fills every table in
/// one transaction, a batch of documents at a time (one short LiteDB read and one binary COPY
/// each, so memory stays one batch deep whatever the size), moves every sequence past the copied
/// numbers, counts the rows again and commits. A failure or a cancellation before the commit
/// leaves the tables empty.
/// </summary>
/// <remarks>
/// The transaction holds the advisory lock the bot takes to migrate its schema, so a NewsBot
/// started on the target meanwhile waits for the copy to finish instead of seeing half of it.
/// </remarks>
internal static class LiteDbToPostgres
{
    public const int DefaultBatchSize = 5_000;

    /// <param name="progress">Called after each batch with the documents read and the table they went into.</param>
    /// <exception cref="CopyRefusedException">The target cannot be used or is not empty; nothing was written.</exception>
    /// <exception cref="CopyFailedException">The copy stopped part-way and was rolled back.</exception>
    public static async Task<CopyReport> CopyAsync(
        NewsBotDatabase source,
        NpgsqlConnectionStringBuilder target,
        Action<int, string>? progress,
        CancellationToken cancellationToken,
        int batchSize = DefaultBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var where = CopyTargetErrors.Where(target);
        var dataSource = NpgsqlDataSource.Create(target.ConnectionString);
        await using (dataSource.ConfigureAwait(false))
        {
            try
            {
                var check = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using (check.ConfigureAwait(false))
                {
                    await TargetCheck.EnsureEmptyAsync(check, where, cancellationToken).ConfigureAwait(false);
                }

                await PostgresSchema.MigrateAsync(dataSource, PostgresMigrations.All, where, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (PostgresErrors.IsConnectionProblem(ex) && !cancellationToken.IsCancellationRequested)
            {
                throw CopyTargetErrors.Refused(ex, target);
            }
            catch (DatabaseUnavailableException ex)
            {
                throw new CopyRefusedException(ex.Message, ex);
            }

            try
            {
                return await CopyInTransactionAsync(source, dataSource, where, progress, batchSize, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (PostgresErrors.IsConnectionProblem(ex) && !cancellationToken.IsCancellationRequested)
            {
                var refused = CopyTargetErrors.Refused(ex, target).Message;
                throw new CopyFailedException(
                    $"The copy into {where} stopped part-way: {refused.Replace(" Nothing was written.", "", StringComparison.Ordinal)} It was rolled back: the database holds NewsBot's tables, empty. Run the command again.",
                    ex);
            }
        }
    }

    private static async Task<CopyReport> CopyInTransactionAsync(
        NewsBotDatabase source, NpgsqlDataSource dataSource, string where, Action<int, string>? progress, int batchSize, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await connection.ExecuteAsync("SELECT pg_advisory_xact_lock($1)", cancellationToken, PostgresSchema.LockKey).ConfigureAwait(false);

                // Again under the lock: an instance may have started on the target since the first look.
                await TargetCheck.EnsureEmptyAsync(connection, where, cancellationToken).ConfigureAwait(false);

                var counts = new List<CopiedCount>();
                foreach (var table in CopiedTables.All)
                {
                    var inLiteDb = table.CountIn(source);
                    var written = await CopyTableAsync(source, connection, table, progress, batchSize, cancellationToken).ConfigureAwait(false);
                    var readBack = await ScalarAsync<long>(connection, $"SELECT count(*) FROM {table.Name}", cancellationToken).ConfigureAwait(false);
                    counts.Add(new CopiedCount(table.Name, inLiteDb, written, readBack));
                }

                var lastArticleId = await ContinueSequencesAsync(source, connection, cancellationToken).ConfigureAwait(false);
                if (counts.FirstOrDefault(c => c.Copied != c.ReadBack) is { } mismatch)
                {
                    throw new CopyFailedException(
                        $"The copy into {where} wrote {mismatch.Copied:N0} rows into {mismatch.Table} but {mismatch.ReadBack:N0} were read back. It was rolled back: the database holds NewsBot's tables, empty.");
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new CopyReport(source.FilePath, where, counts, lastArticleId);
            }
        }
    }

    private static async Task<long> CopyTableAsync(
        NewsBotDatabase source, NpgsqlConnection connection, CopiedTable table, Action<int, string>? progress, int batchSize, CancellationToken cancellationToken)
    {
        var written = 0L;
        var after = BsonValue.MinValue;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var import = await connection.BeginBinaryImportAsync($"COPY {table.Name} ({table.Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
            (int Read, int Written, BsonValue? Last, long MaxId) batch;
            await using (import.ConfigureAwait(false))
            {
                batch = table.CopyBatch(source, after, batchSize, import);
                await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            written += batch.Written;
            if (batch.Read > 0)
            {
                progress?.Invoke(batch.Read, table.Name);
            }

            if (batch.Last is null || batch.Read < batchSize)
            {
                return written;
            }

            after = batch.Last;
        }
    }

    /// <summary>
    /// Moves every identity sequence past its table's highest id, and the article numbers past
    /// the highest ever handed out (LiteDB's high-water mark, which counts articles retention has
    /// removed) and any number still in use: a new article never takes an old one's number.
    /// </summary>
    /// <returns>The last article number handed out, which the next article follows.</returns>
    private static async Task<int> ContinueSequencesAsync(NewsBotDatabase source, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var table in CopiedTables.All.Where(t => t.IdColumn is not null))
        {
            await connection.ExecuteAsync(
                $"SELECT setval(pg_get_serial_sequence('{table.Name}', '{table.IdColumn}'), max({table.IdColumn})) FROM {table.Name} HAVING max({table.IdColumn}) IS NOT NULL",
                cancellationToken).ConfigureAwait(false);
        }

        var highWaterMark = source.State.FindById(LiteDbArticleStore.LastArticleIdKey) is { } stored
            && int.TryParse(stored.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : 0;
        var inUse = await ScalarAsync<int>(connection, 
            """
            SELECT GREATEST(
                (SELECT coalesce(max(id), 0) FROM articles),
                (SELECT coalesce(max(article_id), 0) FROM bookmarks),
                (SELECT coalesce(max(last_article_id), 0) FROM digest_cursors),
                (SELECT coalesce(max(value::integer), 0) FROM state WHERE name = $1 AND value ~ '^[0-9]{1,9}$'))
            """,
            cancellationToken,
            LiteDbOutboxStore.PlannedThroughKey).ConfigureAwait(false);
        var lastArticleId = Math.Max(highWaterMark, inUse);
        if (lastArticleId > 0)
        {
            await connection.ExecuteAsync("SELECT setval('article_ids', $1)", cancellationToken, lastArticleId).ConfigureAwait(false);
        }

        return lastArticleId;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = connection.Sql(sql, values);
        return (T)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
