namespace NewsBot.Storage.Postgres;

/// <summary>
/// Claims on due sources in PostgreSQL: the due rows nobody holds are taken a few at a time with
/// <c>FOR UPDATE SKIP LOCKED</c>, so instances claiming at the same moment get different ones,
/// and marked with the claimer and an end time by the server's clock.
/// </summary>
internal sealed class PostgresSourceClaims(PostgresDatabase database) : ISourceClaims
{
    private const string Claim = $"""
        UPDATE sources SET claimed_by = $1, claimed_until = clock_timestamp() + $4 * interval '1 millisecond'
        WHERE id IN (
            SELECT id FROM sources
            WHERE enabled AND NOT paused AND (next_poll_at IS NULL OR next_poll_at <= $2) AND (claimed_until IS NULL OR claimed_until <= clock_timestamp())
            ORDER BY next_poll_at NULLS FIRST, id
            LIMIT $3
            FOR UPDATE SKIP LOCKED)
        RETURNING {PostgresSourceStore.Columns}
        """;

    public async ValueTask<IReadOnlyList<FeedSource>> ClaimDueAsync(string owner, DateTimeOffset now, int limit, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        var claimed = await database.QueryAsync(Claim, PostgresSourceStore.ToSource, cancellationToken, owner, Dates.ToStored(now), Math.Max(limit, 0), (long)claimFor.TotalMilliseconds).ConfigureAwait(false);
        return claimed.OrderBy(s => s.NextPollAt ?? DateTimeOffset.MinValue).ThenBy(s => s.Id).ToList();
    }
}
