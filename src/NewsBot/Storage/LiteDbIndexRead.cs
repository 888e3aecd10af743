using System.Runtime.InteropServices;
using LiteDB;
using NewsBot.Core.Search;

namespace NewsBot.Storage;

/// <summary>
/// What filling the index at start reads from LiteDB, through the instance
/// <see cref="NewsBotDatabase.ReadThenReopen"/> hands out: the key of the index image written
/// for this database, every article's id and story (to tell what an image still holds as
/// stored), the articles an image lacks, or every article.
/// </summary>
internal sealed class LiteDbIndexRead(LiteDatabase reader)
{
    /// <summary>
    /// The state entry that pairs this database with the index image written for it: the image
    /// is read only when its key is the one stored here (see <c>IndexImageFile</c>).
    /// </summary>
    internal const string ImageKeyName = "index.image-key";

    private ILiteCollection<BsonDocument> Articles => reader.GetCollection(NewsBotDatabase.ArticlesCollection);

    /// <summary>The key of the index image last written for this database, or null.</summary>
    public Guid? ImageKey =>
        reader.GetCollection<StateDocument>("state").FindById(ImageKeyName) is { } stored
        && Guid.TryParseExact(stored.Value, "N", out var key) ? key : null;

    /// <summary>
    /// Every article's id and story id, in id order. The ids come from the id index alone and
    /// the story ids from the story index and the few articles it names, so the articles
    /// themselves are not read.
    /// </summary>
    public List<StoredArticleKey> Keys()
    {
        var keys = new List<StoredArticleKey>();
        foreach (var document in Articles.Query().Select("$._id").ToEnumerable())
        {
            keys.Add(new StoredArticleKey(document["_id"].AsInt32, 0));
        }

        var stories = new Dictionary<int, int>();
        foreach (var document in Articles.Query().Where(Query.GT(nameof(ArticleDocument.StoryId), 0)).Select($"{{_id: $._id, {nameof(ArticleDocument.StoryId)}: $.{nameof(ArticleDocument.StoryId)}}}").ToEnumerable())
        {
            stories[document["_id"].AsInt32] = document[nameof(ArticleDocument.StoryId)].AsInt32;
        }

        if (stories.Count > 0)
        {
            var all = CollectionsMarshal.AsSpan(keys);
            for (var i = 0; i < all.Length; i++)
            {
                if (stories.TryGetValue(all[i].Id, out var story))
                {
                    all[i] = all[i] with { StoryId = story };
                }
            }
        }

        return keys;
    }

    /// <summary>The articles with these ids, in the order given; ids no longer stored are left out.</summary>
    public IEnumerable<Article> ByIds(IReadOnlyList<int> ids)
    {
        var articles = Articles;
        foreach (var id in ids)
        {
            if (articles.FindById(id) is { } document)
            {
                yield return StoredArticle.ToArticle(document);
            }
        }
    }

    /// <summary>
    /// Every article, oldest id first, with only what the index reads of it (see
    /// <see cref="IndexedArticleFields"/>), <paramref name="chunk"/> at a time: each chunk is a
    /// query of its own, so LiteDB can reuse the cache pages of the chunks before it.
    /// </summary>
    public IEnumerable<Article> ForIndex(int chunk = NewsBotDatabase.ReadChunk)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunk, 1);
        var articles = Articles;
        var after = int.MinValue;
        while (true)
        {
            var count = 0;
            foreach (var row in articles.Query().Where(Query.GT("_id", after)).Select(IndexedArticleFields.Select).Limit(chunk).ToDocuments())
            {
                count++;
                var article = IndexedArticleFields.ToArticle(row);
                after = article.Id;
                yield return article;
            }

            if (count < chunk)
            {
                yield break;
            }
        }
    }
}
