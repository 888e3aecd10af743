namespace NewsBot.Storage.Postgres;

/// <summary>Reads articles by id: ids are handed out in the order articles are stored.</summary>
internal sealed class PostgresArticleHistory(PostgresDatabase database) : IArticleHistory
{
    public int LatestId() =>
        database.Query("SELECT coalesce(max(id), 0) FROM articles", r => r.GetInt32(0)) is [var id] ? id : 0;

    public IReadOnlyList<Article> StoredBetween(int afterId, int upToId, DateTimeOffset storedSince)
    {
        if (upToId <= afterId)
        {
            return [];
        }

        // Newest first, the window ends at the first article stored before storedSince: every
        // article above the newest such one, as the LiteDB store's walk down the ids stops there.
        return database.Query(
            $"""
            SELECT {PostgresArticleStore.Columns} FROM articles
            WHERE id > $1 AND id <= $2
              AND id > coalesce((SELECT max(id) FROM articles WHERE id > $1 AND id <= $2 AND ingested_at < $3), $1)
            ORDER BY id
            """,
            PostgresArticleStore.ToArticle,
            afterId,
            upToId,
            Dates.ToStored(storedSince));
    }
}
