using Npgsql;

namespace NewsBot.Storage.Postgres;

/// <summary>Announcements in PostgreSQL. Each move checks the state it starts from in the same statement, so two presses of Send, on any instance, cannot both see a draft.</summary>
internal sealed class PostgresAnnouncementStore(PostgresDatabase database) : IAnnouncementStore
{
    private const string Columns =
        "id, author_key, report_chat_key, text, state, created_at, confirmed_at, queued, recipients, reported_at, sent, failed, blocked";

    public async ValueTask<Announcement> AddDraftAsync(string authorKey, string? reportChatKey, string text, DateTimeOffset at, CancellationToken cancellationToken) =>
        (await database.FirstOrDefaultAsync(
            $"INSERT INTO announcements (author_key, report_chat_key, text, state, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING {Columns}",
            ToAnnouncement,
            cancellationToken,
            authorKey,
            reportChatKey,
            text,
            nameof(AnnouncementState.Draft),
            Dates.ToStored(at)).ConfigureAwait(false))!;

    public async ValueTask<Announcement?> GetAsync(int id, CancellationToken cancellationToken) =>
        await database.FirstOrDefaultAsync($"SELECT {Columns} FROM announcements WHERE id = $1", ToAnnouncement, cancellationToken, id).ConfigureAwait(false);

    public async ValueTask<bool> ConfirmAsync(int id, DateTimeOffset at, CancellationToken cancellationToken) =>
        await MoveAsync(id, AnnouncementState.Draft, "state = $3, confirmed_at = $4", cancellationToken, nameof(AnnouncementState.Sending), Dates.ToStored(at)).ConfigureAwait(false);

    public async ValueTask<bool> CancelAsync(int id, CancellationToken cancellationToken) =>
        await MoveAsync(id, AnnouncementState.Draft, "state = $3", cancellationToken, nameof(AnnouncementState.Cancelled)).ConfigureAwait(false);

    public async ValueTask MarkQueuedAsync(int id, int recipients, CancellationToken cancellationToken) =>
        await MoveAsync(id, AnnouncementState.Sending, "queued = true, recipients = $3", cancellationToken, recipients).ConfigureAwait(false);

    public async ValueTask MarkDeliveredAsync(int id, DeliveryFigures figures, DateTimeOffset at, CancellationToken cancellationToken) =>
        await MoveAsync(
            id,
            AnnouncementState.Sending,
            "state = $3, reported_at = $4, sent = $5, failed = $6, blocked = $7",
            cancellationToken,
            nameof(AnnouncementState.Delivered),
            Dates.ToStored(at),
            figures.Sent,
            figures.Failed,
            figures.Blocked).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<Announcement>> InFlightAsync(CancellationToken cancellationToken) =>
        await database.QueryAsync($"SELECT {Columns} FROM announcements WHERE state = $1 ORDER BY id", ToAnnouncement, cancellationToken, nameof(AnnouncementState.Sending)).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<Announcement>> RecentAsync(int take, CancellationToken cancellationToken) =>
        await database.QueryAsync($"SELECT {Columns} FROM announcements ORDER BY id DESC LIMIT $1", ToAnnouncement, cancellationToken, Math.Max(take, 0)).ConfigureAwait(false);

    private async Task<bool> MoveAsync(int id, AnnouncementState from, string set, CancellationToken cancellationToken, params object?[] values) =>
        await database.ExecuteAsync($"UPDATE announcements SET {set} WHERE id = $1 AND state = $2", cancellationToken, [id, from.ToString(), .. values]).ConfigureAwait(false) == 1;

    private static Announcement ToAnnouncement(NpgsqlDataReader r) => new(
        r.GetInt32(0),
        r.GetString(1),
        r.NullableString(2),
        r.GetString(3),
        Enum.TryParse<AnnouncementState>(r.GetString(4), out var state) ? state : AnnouncementState.Cancelled,
        r.Date(5))
    {
        ConfirmedAt = r.NullableDate(6),
        Queued = r.GetBoolean(7),
        Recipients = r.GetInt32(8),
        ReportedAt = r.NullableDate(9),
        Figures = r.NullableInt(10) is { } sent ? new DeliveryFigures(sent, r.NullableInt(11) ?? 0, r.NullableInt(12) ?? 0) : null,
    };
}
