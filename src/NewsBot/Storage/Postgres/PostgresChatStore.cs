using System.Runtime.CompilerServices;
using Npgsql;

namespace NewsBot.Storage.Postgres;

/// <summary>The chats table. It only persists; <see cref="ChatLifecycle"/> decides what is written.</summary>
internal sealed class PostgresChatStore(PostgresDatabase database) : IChatStore
{
    private const string Columns = "key, platform, kind, title, time_zone, active, inactive_reason, first_seen, last_seen, quiet, announcements_muted, language, paused_reason, paused_at";

    private const string Upsert = """
        INSERT INTO chats (key, platform, kind, title, time_zone, active, inactive_reason, first_seen, last_seen, quiet, announcements_muted, language, paused_reason, paused_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
        ON CONFLICT (key) DO UPDATE SET
            platform = excluded.platform, kind = excluded.kind, title = excluded.title, time_zone = excluded.time_zone,
            active = excluded.active, inactive_reason = excluded.inactive_reason, first_seen = excluded.first_seen,
            last_seen = excluded.last_seen, quiet = excluded.quiet, announcements_muted = excluded.announcements_muted,
            language = excluded.language, paused_reason = excluded.paused_reason, paused_at = excluded.paused_at
        """;

    public async ValueTask<ChatRecord?> FindAsync(ChatAddress chat, CancellationToken cancellationToken) =>
        await database.FirstOrDefaultAsync($"SELECT {Columns} FROM chats WHERE key = $1", ToRecord, cancellationToken, chat.Key).ConfigureAwait(false);

    public async IAsyncEnumerable<ChatRecord> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var chat in database.StreamAsync($"SELECT {Columns} FROM chats ORDER BY key", ToRecord, cancellationToken).ConfigureAwait(false))
        {
            yield return chat;
        }
    }

    public async ValueTask SaveAsync(ChatRecord chat, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(Upsert, cancellationToken, Values(chat)).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<Subscription>> MoveAsync(ChatAddress from, ChatAddress to, IReadOnlyCollection<ChatRecord> changed, CancellationToken cancellationToken)
    {
        var moved = await database.InTransactionAsync(
            async (connection, ct) =>
            {
                foreach (var chat in changed)
                {
                    await connection.ExecuteAsync(Upsert, ct, Values(chat)).ConfigureAwait(false);
                }

                return await connection.QueryAsync(
                    $"UPDATE subscriptions SET chat_key = $2 WHERE chat_key = $1 RETURNING {PostgresSubscriptionStore.Columns}",
                    PostgresSubscriptionStore.ToSubscription,
                    ct,
                    from.Key,
                    to.Key).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return moved.OrderBy(s => s.Id).ToList();
    }

    private static object?[] Values(ChatRecord chat) =>
    [
        chat.Key,
        chat.Platform,
        chat.Kind.ToString(),
        chat.Title,
        chat.TimeZone,
        chat.Active,
        chat.InactiveReason,
        Dates.ToStored(chat.FirstSeen),
        Dates.ToStored(chat.LastSeen),
        chat.Quiet?.ToString(),
        chat.AnnouncementsMuted,
        chat.Language,
        chat.Pause?.Reason,
        Dates.ToStored(chat.Pause?.Since),
    ];

    private static ChatRecord ToRecord(NpgsqlDataReader r) => StoredChats.ToRecord(
        r.GetString(0), r.GetString(1), r.GetString(2), r.NullableString(3), r.NullableString(4), r.GetBoolean(5), r.NullableString(6),
        r.Date(7), r.Date(8), r.NullableString(9), r.GetBoolean(10), r.NullableString(11), r.NullableString(12), r.NullableDate(13));
}
