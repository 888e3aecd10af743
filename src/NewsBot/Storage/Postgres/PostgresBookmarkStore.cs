namespace NewsBot.Storage.Postgres;

internal sealed class PostgresBookmarkStore(PostgresDatabase database) : IBookmarkStore
{
    public async ValueTask<bool> AddAsync(Bookmark bookmark, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            """
            INSERT INTO bookmarks (user_key, article_id, saved_at, title, url, source_name) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (user_key, article_id) DO NOTHING
            """,
            cancellationToken,
            bookmark.UserKey,
            bookmark.ArticleId,
            Dates.ToStored(bookmark.SavedAt),
            bookmark.Title,
            bookmark.Url,
            bookmark.SourceName).ConfigureAwait(false) == 1;

    public async ValueTask<bool> RemoveAsync(string userKey, int articleId, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("DELETE FROM bookmarks WHERE user_key = $1 AND article_id = $2", cancellationToken, userKey, articleId).ConfigureAwait(false) > 0;

    public async ValueTask<bool> ContainsAsync(string userKey, int articleId, CancellationToken cancellationToken) =>
        await database.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM bookmarks WHERE user_key = $1 AND article_id = $2)", cancellationToken, userKey, articleId).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<Bookmark>> ListAsync(string userKey, int skip, int take, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            "SELECT user_key, article_id, saved_at, title, url, source_name FROM bookmarks WHERE user_key = $1 ORDER BY saved_at DESC, id DESC OFFSET $2 LIMIT $3",
            r => new Bookmark(r.GetString(0), r.GetInt32(1), r.Date(2), r.GetString(3), r.GetString(4), r.GetString(5)),
            cancellationToken,
            userKey,
            Math.Max(skip, 0),
            Math.Max(take, 0)).ConfigureAwait(false);

    public async ValueTask<int> CountAsync(string userKey, CancellationToken cancellationToken) =>
        (int)await database.ScalarAsync<long>("SELECT count(*) FROM bookmarks WHERE user_key = $1", cancellationToken, userKey).ConfigureAwait(false);
}
