using NewsBot.Core.Articles;

namespace NewsBot.Storage;

internal sealed class LiteDbArticleStore(NewsBotDatabase database) : IArticleStore
{
    public IReadOnlyList<Article> AddNew(IReadOnlyList<ArticleDraft> drafts)
    {
        if (drafts.Count == 0)
        {
            return [];
        }

        var collection = database.Articles;
        var added = new List<Article>();
        var db = database.Database;
        db.BeginTrans();
        try
        {
            foreach (var draft in drafts)
            {
                if (collection.Exists(a => a.Url == draft.Url) || collection.Exists(a => a.ItemKey == draft.ItemKey))
                {
                    continue;
                }

                var document = new ArticleDocument
                {
                    Url = draft.Url,
                    ItemKey = draft.ItemKey,
                    Title = draft.Title,
                    Summary = draft.Summary,
                    Author = draft.Author,
                    SourceId = draft.SourceId,
                    SourceName = draft.SourceName,
                    PublishedAt = Dates.ToStored(draft.PublishedAt),
                    IngestedAt = Dates.ToStored(draft.IngestedAt),
                    Topics = [.. draft.Topics],
                    ImageUrl = draft.ImageUrl,
                };
                collection.Insert(document);
                added.Add(ToArticle(document));
            }

            db.Commit();
        }
        catch
        {
            db.Rollback();
            throw;
        }

        return added;
    }

    public Article? Get(int id)
    {
        var document = database.Articles.FindById(id);
        return document is null ? null : ToArticle(document);
    }

    public IReadOnlyList<Article> GetMany(IReadOnlyList<int> ids)
    {
        var collection = database.Articles;
        var result = new List<Article>(ids.Count);
        foreach (var id in ids)
        {
            var document = collection.FindById(id);
            if (document is not null)
            {
                result.Add(ToArticle(document));
            }
        }

        return result;
    }

    public IEnumerable<Article> ReadAll() => database.Articles.FindAll().Select(ToArticle);

    public int Count() => database.Articles.Count();

    internal static Article ToArticle(ArticleDocument d) => new(
        d.Id, d.Url, d.ItemKey, d.Title, d.Summary, d.Author, d.SourceId, d.SourceName,
        Dates.FromStored(d.PublishedAt), Dates.FromStored(d.IngestedAt), d.Topics, d.ImageUrl);
}
