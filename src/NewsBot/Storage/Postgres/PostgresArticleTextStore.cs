using Npgsql;

namespace NewsBot.Storage.Postgres;

internal sealed class PostgresArticleTextStore(PostgresDatabase database) : IArticleTextStore
{
    public async ValueTask<ArticleText?> GetAsync(int articleId, CancellationToken cancellationToken) =>
        await database.FirstOrDefaultAsync(
            "SELECT article_id, origin, text, problem, stored_at FROM article_texts WHERE article_id = $1",
            ToText,
            cancellationToken,
            articleId).ConfigureAwait(false);

    public async ValueTask SaveAsync(IReadOnlyList<ArticleText> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return;
        }

        // The join drops texts whose article was pruned meanwhile, instead of failing on the foreign key.
        await database.ExecuteAsync(
            """
            INSERT INTO article_texts (article_id, origin, text, problem, stored_at)
            SELECT t.article_id, t.origin, t.text, t.problem, t.stored_at
            FROM unnest($1::integer[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS t (article_id, origin, text, problem, stored_at)
            JOIN articles a ON a.id = t.article_id
            ON CONFLICT (article_id) DO UPDATE SET origin = EXCLUDED.origin, text = EXCLUDED.text, problem = EXCLUDED.problem, stored_at = EXCLUDED.stored_at
            """,
            cancellationToken,
            texts.Select(t => t.ArticleId).ToArray(),
            texts.Select(t => SourceSettingsText.Of(t.Origin)).ToArray(),
            texts.Select(t => t.Text.Length <= ArticleText.MaxLength ? t.Text : t.Text[..ArticleText.MaxLength]).ToArray(),
            texts.Select(t => SourceSettingsText.Of(t.Problem)).ToArray(),
            texts.Select(t => Dates.ToStored(t.StoredAt)).ToArray()).ConfigureAwait(false);
    }

    private static ArticleText ToText(NpgsqlDataReader r) =>
        new(r.GetInt32(0), SourceSettingsText.Origin(r.GetString(1)), r.GetString(2), SourceSettingsText.Problem(r.GetString(3)), r.Date(4));
}
