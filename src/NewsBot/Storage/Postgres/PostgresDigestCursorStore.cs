namespace NewsBot.Storage.Postgres;

internal sealed class PostgresDigestCursorStore(PostgresDatabase database) : IDigestCursorStore
{
    public async ValueTask<DigestCursor?> FindAsync(int subscriptionId, CancellationToken cancellationToken) =>
        await database.FirstOrDefaultAsync(
            "SELECT subscription_id, last_article_id, last_run_at, last_local_date FROM digest_cursors WHERE subscription_id = $1",
            r => new DigestCursor(r.GetInt32(0), r.GetInt32(1), r.Date(2), r.GetFieldValue<DateOnly>(3)),
            cancellationToken,
            subscriptionId).ConfigureAwait(false);

    public async ValueTask SaveAsync(IReadOnlyList<DigestCursor> cursors, CancellationToken cancellationToken)
    {
        if (cursors.Count == 0)
        {
            return;
        }

        await database.InTransactionAsync(
            async (connection, ct) =>
            {
                foreach (var cursor in cursors)
                {
                    await connection.ExecuteAsync(
                        """
                        INSERT INTO digest_cursors (subscription_id, last_article_id, last_run_at, last_local_date) VALUES ($1, $2, $3, $4)
                        ON CONFLICT (subscription_id) DO UPDATE SET
                            last_article_id = excluded.last_article_id, last_run_at = excluded.last_run_at, last_local_date = excluded.last_local_date
                        """,
                        ct,
                        cursor.SubscriptionId,
                        cursor.LastArticleId,
                        Dates.ToStored(cursor.LastRunAt),
                        cursor.LastLocalDate).ConfigureAwait(false);
                }

                return cursors.Count;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
