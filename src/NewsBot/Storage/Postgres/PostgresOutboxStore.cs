using Npgsql;
using NpgsqlTypes;

namespace NewsBot.Storage.Postgres;

/// <summary>
/// The outbox in PostgreSQL. The dedup key is unique, so the same message is queued once however
/// often it is offered; the due index holds only pending entries (their next attempt time is
/// cleared when they finish).
/// </summary>
internal sealed class PostgresOutboxStore(PostgresDatabase database) : IOutboxStore
{
    internal const string Columns =
        "id, chat_key, kind, dedup_key, story_ids, article_ids, reference, state, attempts, next_attempt_at, last_error, created_at, sent_at, text, silent, mentions";

    /// <summary>The state value holding the id of the last article planned; the same name as in LiteDB.</summary>
    internal const string PlannedThroughKey = LiteDbOutboxStore.PlannedThroughKey;

    private const string InsertOne = """
        INSERT INTO outbox (dedup_key, chat_key, platform, kind, story_ids, article_ids, reference, text, state, attempts, next_attempt_at, created_at, silent, mentions)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
        ON CONFLICT (dedup_key) DO NOTHING
        """;

    // Entries per round trip when offering entries that may be there already.
    private const int BatchSize = 1000;

    public async ValueTask<int> EnqueueAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return 0;
        }

        return await database.InTransactionAsync(
            async (connection, ct) =>
            {
                var added = 0;
                foreach (var chunk in entries.Chunk(BatchSize))
                {
                    var batch = new NpgsqlBatch(connection);
                    await using (batch.ConfigureAwait(false))
                    {
                        foreach (var entry in chunk)
                        {
                            batch.BatchCommands.Add(PostgresCommands.BatchCommand(InsertOne, Values(entry)));
                        }

                        added += await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    }
                }

                return added;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<OutboxEntry>> DueAsync(string platform, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            $"SELECT {Columns} FROM outbox WHERE platform = $1 AND next_attempt_at IS NOT NULL AND next_attempt_at <= $2 ORDER BY next_attempt_at, id LIMIT $3",
            ToEntry,
            cancellationToken,
            platform,
            Dates.ToStored(now),
            Math.Max(limit, 0)).ConfigureAwait(false);

    public async ValueTask MarkSentAsync(IReadOnlyCollection<long> ids, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (ids.Count > 0)
        {
            await database.ExecuteAsync(
                "UPDATE outbox SET state = $2, sent_at = $3, next_attempt_at = NULL, last_error = NULL WHERE id = ANY($1)",
                cancellationToken,
                ids.ToArray(),
                nameof(OutboxState.Sent),
                Dates.ToStored(at)).ConfigureAwait(false);
        }
    }

    public async ValueTask RescheduleAsync(IReadOnlyCollection<long> ids, DateTimeOffset at, string? error, bool countAttempt, CancellationToken cancellationToken)
    {
        if (ids.Count > 0)
        {
            await database.ExecuteAsync(
                "UPDATE outbox SET next_attempt_at = $2, last_error = $3, attempts = attempts + $4 WHERE id = ANY($1)",
                cancellationToken,
                ids.ToArray(),
                Dates.ToStored(at),
                error,
                countAttempt ? 1 : 0).ConfigureAwait(false);
        }
    }

    public ValueTask DropAsync(IReadOnlyCollection<long> ids, string reason, CancellationToken cancellationToken) =>
        FinishAsync(ids, OutboxState.Dropped, reason, cancellationToken);

    public ValueTask FailAsync(IReadOnlyCollection<long> ids, string reason, CancellationToken cancellationToken) =>
        FinishAsync(ids, OutboxState.Failed, reason, cancellationToken);

    public async ValueTask<int> DropPendingAsync(string chatKey, string reason, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE outbox SET state = $2, next_attempt_at = NULL, last_error = $3 WHERE chat_key = $1 AND next_attempt_at IS NOT NULL",
            cancellationToken,
            chatKey,
            nameof(OutboxState.Blocked),
            reason).ConfigureAwait(false);

    public async ValueTask<int> ReleasePendingAsync(string chatKey, DateTimeOffset at, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE outbox SET next_attempt_at = $2 WHERE chat_key = $1 AND next_attempt_at > $2",
            cancellationToken,
            chatKey,
            Dates.ToStored(at)).ConfigureAwait(false);

    public async ValueTask<OutboxEntry?> FindAsync(string chatKey, int storyId, CancellationToken cancellationToken) =>
        await database.FirstOrDefaultAsync(
            $"SELECT {Columns} FROM outbox WHERE chat_key = $1 AND kind = $2 AND $3 = ANY(story_ids) ORDER BY id LIMIT 1",
            ToEntry,
            cancellationToken,
            chatKey,
            nameof(OutboxKind.Story),
            storyId).ConfigureAwait(false);

    public async ValueTask<int> CountPendingAsync(CancellationToken cancellationToken) =>
        (int)await database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE next_attempt_at IS NOT NULL", cancellationToken).ConfigureAwait(false);

    public async ValueTask<OutboxCounts> CountForAsync(OutboxKind kind, string reference, CancellationToken cancellationToken)
    {
        var states = (await database.QueryAsync(
            "SELECT state, count(*) FROM outbox WHERE reference = $1 AND kind = $2 GROUP BY state",
            r => (State: r.GetString(0), Count: (int)r.GetInt64(1)),
            cancellationToken,
            reference,
            kind.ToString()).ConfigureAwait(false)).ToDictionary(s => s.State, s => s.Count, StringComparer.Ordinal);
        return new OutboxCounts(
            states.GetValueOrDefault(nameof(OutboxState.Pending)),
            states.GetValueOrDefault(nameof(OutboxState.Sent)),
            states.GetValueOrDefault(nameof(OutboxState.Failed)),
            states.GetValueOrDefault(nameof(OutboxState.Blocked)));
    }

    public async ValueTask<int> PlannedThroughAsync(CancellationToken cancellationToken) =>
        (await database.QueryAsync("SELECT value FROM state WHERE name = $1", r => r.GetString(0), cancellationToken, PlannedThroughKey).ConfigureAwait(false)) is [var stored]
        && int.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;

    public async ValueTask<int> EnqueuePlannedAsync(IReadOnlyList<OutboxEntry> entries, int plannedThroughArticleId, CancellationToken cancellationToken) =>
        await database.InTransactionAsync(
            async (connection, ct) =>
            {
                // The planner's keys are new by construction (its batch, its position moved in this
                // same transaction), so they are copied in without a check each; the unique index
                // still refuses a duplicate, and the whole transaction with it.
                var added = entries.Count == 0 ? 0 : await CopyAsync(connection, entries, ct).ConfigureAwait(false);
                await connection.ExecuteAsync(
                    "INSERT INTO state (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                    ct,
                    PlannedThroughKey,
                    plannedThroughArticleId.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
                return added;
            },
            cancellationToken).ConfigureAwait(false);

    public IAsyncEnumerable<(string ChatKey, IReadOnlyList<int> StoryIds, DateTimeOffset CreatedAt)> StoriesQueuedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        database.StreamAsync(
            "SELECT chat_key, story_ids, created_at FROM outbox WHERE kind = $1 AND created_at >= $2 ORDER BY id",
            r => (r.GetString(0), (IReadOnlyList<int>)r.Ints(1), r.Date(2)),
            cancellationToken,
            nameof(OutboxKind.Story),
            Dates.ToStored(since));

    public async ValueTask<int> DeleteFinishedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("DELETE FROM outbox WHERE next_attempt_at IS NULL AND created_at < $1", cancellationToken, Dates.ToStored(before)).ConfigureAwait(false);

    private async ValueTask FinishAsync(IReadOnlyCollection<long> ids, OutboxState state, string reason, CancellationToken cancellationToken)
    {
        if (ids.Count > 0)
        {
            await database.ExecuteAsync(
                "UPDATE outbox SET state = $2, next_attempt_at = NULL, last_error = $3 WHERE id = ANY($1)",
                cancellationToken,
                ids.ToArray(),
                state.ToString(),
                reason).ConfigureAwait(false);
        }
    }

    private static async Task<int> CopyAsync(NpgsqlConnection connection, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var import = await connection.BeginBinaryImportAsync(
            "COPY outbox (dedup_key, chat_key, platform, kind, story_ids, article_ids, reference, text, state, attempts, next_attempt_at, created_at, silent, mentions) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false);
        await using (import.ConfigureAwait(false))
        {
            foreach (var entry in entries)
            {
                await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
                var values = Values(entry);
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i] is null)
                    {
                        await import.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await import.WriteAsync(values[i], CopyTypes[i], cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            return (int)await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static readonly NpgsqlDbType[] CopyTypes =
    [
        NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
        NpgsqlDbType.Array | NpgsqlDbType.Integer, NpgsqlDbType.Array | NpgsqlDbType.Integer,
        NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz,
        NpgsqlDbType.Boolean, NpgsqlDbType.Array | NpgsqlDbType.Text,
    ];

    private static object?[] Values(OutboxEntry entry)
    {
        if (entry.StoryIds.Count > 0 && entry.ArticleIds.Count != entry.StoryIds.Count)
        {
            throw new ArgumentException($"An outbox entry needs one article per story; got {entry.StoryIds.Count} stories and {entry.ArticleIds.Count} articles.", nameof(entry));
        }

        return
        [
            entry.DedupKey,
            entry.ChatKey,
            ChatAddress.Parse(entry.ChatKey).Platform,
            entry.Kind.ToString(),
            entry.StoryIds.ToArray(),
            entry.ArticleIds.ToArray(),
            entry.Reference,
            entry.Text,
            nameof(OutboxState.Pending),
            entry.Attempts,
            Dates.ToStored(entry.NextAttemptAt ?? entry.CreatedAt),
            Dates.ToStored(entry.CreatedAt),
            entry.Silent,
            entry.Mentions.Count == 0 ? null : entry.Mentions.ToArray(),
        ];
    }

    internal static OutboxEntry ToEntry(NpgsqlDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        Enum.TryParse<OutboxKind>(r.GetString(2), out var kind) ? kind : OutboxKind.Story,
        r.GetString(3),
        r.Ints(4),
        r.Ints(5),
        r.NullableString(6),
        Enum.TryParse<OutboxState>(r.GetString(7), out var state) ? state : OutboxState.Pending,
        r.GetInt32(8),
        r.NullableDate(9),
        r.NullableString(10),
        r.Date(11),
        r.NullableDate(12))
    {
        Text = r.NullableString(13),
        Silent = r.GetBoolean(14),
        Mentions = r.IsDBNull(15) ? [] : r.GetFieldValue<string[]>(15),
    };
}
