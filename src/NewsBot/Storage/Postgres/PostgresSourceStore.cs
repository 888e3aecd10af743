using Npgsql;

namespace NewsBot.Storage.Postgres;

internal sealed class PostgresSourceStore(PostgresDatabase database) : ISourceStore
{
    internal const string Columns =
        "id, name, url, topics, enabled, last_attempt_at, last_success_at, last_error, consecutive_failures, item_count, next_poll_at, "
        + "etag, last_modified, moved_to, from_configuration, admins_notified, note, items_left_out, content_hash, current_item_keys";

    // Listing a source again (in configuration or with /feeds add) is the way to revive it. The
    // right-hand sides see the row as it was, so "enabled" there is the old value.
    private const string Refresh = $"""
        UPDATE sources SET
            name = $2,
            topics = $3,
            from_configuration = from_configuration OR $4,
            consecutive_failures = CASE WHEN enabled THEN consecutive_failures ELSE 0 END,
            admins_notified = CASE WHEN enabled THEN admins_notified ELSE false END,
            next_poll_at = CASE WHEN enabled THEN next_poll_at ELSE NULL END,
            enabled = true
        WHERE url = $1
        RETURNING {Columns}
        """;

    private const string Insert = $"""
        INSERT INTO sources (url, name, topics, from_configuration) VALUES ($1, $2, $3, $4)
        ON CONFLICT (url) DO NOTHING
        RETURNING {Columns}
        """;

    public async ValueTask<FeedSource> EnsureAsync(string name, string url, IReadOnlyList<string> topics, bool fromConfiguration, CancellationToken cancellationToken)
    {
        var values = new object?[] { url, name, topics.ToArray(), fromConfiguration };
        while (true)
        {
            // Update first, so a known source keeps its number; insert when there is none, and
            // update after all when another instance inserted it in between.
            if (await database.FirstOrDefaultAsync(Refresh, ToSource, cancellationToken, values).ConfigureAwait(false) is { } refreshed)
            {
                return refreshed;
            }

            if (await database.FirstOrDefaultAsync(Insert, ToSource, cancellationToken, values).ConfigureAwait(false) is { } inserted)
            {
                return inserted;
            }
        }
    }

    public async ValueTask<IReadOnlyList<FeedSource>> AllAsync(CancellationToken cancellationToken) =>
        await database.QueryAsync($"SELECT {Columns} FROM sources ORDER BY id", ToSource, cancellationToken).ConfigureAwait(false);

    public async ValueTask<FeedSource?> GetAsync(int id, CancellationToken cancellationToken) =>
        await database.FirstOrDefaultAsync($"SELECT {Columns} FROM sources WHERE id = $1", ToSource, cancellationToken, id).ConfigureAwait(false);

    public async ValueTask<FeedSource?> FindByUrlAsync(string url, CancellationToken cancellationToken) =>
        await database.FirstOrDefaultAsync($"SELECT {Columns} FROM sources WHERE url = $1", ToSource, cancellationToken, url).ConfigureAwait(false);

    /// <summary>Writes back a source's health and fetch state; a source removed meanwhile stays removed.</summary>
    public async ValueTask SaveAsync(FeedSource source, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            """
            UPDATE sources SET
                name = $2, topics = $3, enabled = $4, last_attempt_at = $5, last_success_at = $6, last_error = $7,
                consecutive_failures = $8, item_count = $9, next_poll_at = $10, etag = $11, last_modified = $12,
                moved_to = $13, admins_notified = $14, note = $15, items_left_out = $16, content_hash = $17, current_item_keys = $18
            WHERE id = $1
            """,
            cancellationToken,
            source.Id,
            source.Name,
            source.Topics.ToArray(),
            source.Enabled,
            Dates.ToStored(source.LastAttemptAt),
            Dates.ToStored(source.LastSuccessAt),
            source.LastError,
            source.ConsecutiveFailures,
            source.ItemCount,
            Dates.ToStored(source.NextPollAt),
            source.ETag,
            Dates.ToStored(source.LastModified),
            source.MovedTo,
            source.AdminsNotified,
            source.Note,
            source.ItemsLeftOut,
            source.ContentHash,
            source.CurrentItemKeys.ToArray()).ConfigureAwait(false);

    public async ValueTask<bool> RemoveAsync(int id, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("DELETE FROM sources WHERE id = $1", cancellationToken, id).ConfigureAwait(false) > 0;

    internal static FeedSource ToSource(NpgsqlDataReader r) => new(
        r.GetInt32(0), r.GetString(1), r.GetString(2), r.Strings(3), r.GetBoolean(4),
        r.NullableDate(5), r.NullableDate(6), r.NullableString(7), r.GetInt32(8), r.GetInt32(9), r.NullableDate(10))
    {
        ETag = r.NullableString(11),
        LastModified = r.NullableDate(12),
        MovedTo = r.NullableString(13),
        FromConfiguration = r.GetBoolean(14),
        AdminsNotified = r.GetBoolean(15),
        Note = r.NullableString(16),
        ItemsLeftOut = r.GetInt32(17),
        ContentHash = r.NullableString(18),
        CurrentItemKeys = r.Strings(19),
    };
}
