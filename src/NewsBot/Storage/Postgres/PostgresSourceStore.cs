using Npgsql;

namespace NewsBot.Storage.Postgres;

internal sealed class PostgresSourceStore(PostgresDatabase database) : ISourceStore
{
    internal const string Columns =
        "id, name, url, topics, enabled, last_attempt_at, last_success_at, last_error, consecutive_failures, item_count, next_poll_at, "
        + "etag, last_modified, moved_to, from_configuration, admins_notified, note, items_left_out, content_hash, current_item_keys, "
        + "paused, poll_interval_ms, full_text";

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
        await database.ExecuteAsync(SaveSql, cancellationToken, SaveValues(source)).ConfigureAwait(false);

    public async ValueTask SaveAllAsync(IReadOnlyList<FeedSource> sources, CancellationToken cancellationToken)
    {
        if (sources.Count > 0)
        {
            await database.ExecuteAllAsync(SaveSql, sources.Select(SaveValues).ToList(), cancellationToken).ConfigureAwait(false);
        }
    }

    private const string SaveSql =
        """
        UPDATE sources SET
            enabled = $2, last_attempt_at = $3, last_success_at = $4, last_error = $5,
            consecutive_failures = $6, item_count = $7, next_poll_at = $8, etag = $9, last_modified = $10,
            moved_to = $11, admins_notified = $12, note = $13, items_left_out = $14, content_hash = $15, current_item_keys = $16
        WHERE id = $1
        """;

    private static object?[] SaveValues(FeedSource source) =>
    [
        source.Id,
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
        source.CurrentItemKeys.ToArray(),
    ];

    public async ValueTask<bool> UpdateSettingsAsync(FeedSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return await database.ExecuteAsync(
            "UPDATE sources SET name = $2, topics = $3, paused = $4, poll_interval_ms = $5, full_text = $6, next_poll_at = $7 WHERE id = $1",
            cancellationToken,
            source.Id,
            source.Name,
            source.Topics.ToArray(),
            source.Paused,
            SourceSettingsText.Milliseconds(source.PollInterval),
            SourceSettingsText.Of(source.FullText),
            Dates.ToStored(source.NextPollAt)).ConfigureAwait(false) > 0;
    }

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
        Paused = r.GetBoolean(20),
        PollInterval = SourceSettingsText.Interval(r.IsDBNull(21) ? null : r.GetInt64(21)),
        FullText = SourceSettingsText.FullText(r.GetString(22)),
    };
}
