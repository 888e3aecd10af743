using LiteDB;

namespace NewsBot.Storage;

internal sealed class LiteDbArticleTextStore(NewsBotDatabase database) : IArticleTextStore
{
    public ValueTask<ArticleText?> GetAsync(int articleId, CancellationToken cancellationToken)
    {
        var document = database.ArticleTexts.FindById(articleId);
        return ValueTask.FromResult(document is null ? null : ToText(document));
    }

    public ValueTask SaveAsync(IReadOnlyList<ArticleText> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        database.Database.InTransaction(() =>
        {
            // Pruning deletes the article and its text together; a text read after that has nothing to belong to.
            var stored = database.Articles.Query()
                .Where(LiteDbIds.In(texts.Select(t => t.ArticleId)))
                .Select(a => a.Id)
                .ToEnumerable()
                .ToHashSet();
            database.ArticleTexts.Upsert(texts.Where(t => stored.Contains(t.ArticleId)).Select(ToDocument));
        });
        return ValueTask.CompletedTask;
    }

    private static ArticleTextDocument ToDocument(ArticleText text) => new()
    {
        Id = text.ArticleId,
        Origin = SourceSettingsText.Of(text.Origin),
        Text = text.Text.Length <= ArticleText.MaxLength ? text.Text : text.Text[..ArticleText.MaxLength],
        Problem = SourceSettingsText.Of(text.Problem),
        StoredAt = Dates.ToStored(text.StoredAt),
    };

    private static ArticleText ToText(ArticleTextDocument d) =>
        new(d.Id, SourceSettingsText.Origin(d.Origin), d.Text, SourceSettingsText.Problem(d.Problem), Dates.FromStored(d.StoredAt));
}
