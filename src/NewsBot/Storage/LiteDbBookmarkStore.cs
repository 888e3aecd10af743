using LiteDB;

namespace NewsBot.Storage;

internal sealed class LiteDbBookmarkStore(NewsBotDatabase database) : IBookmarkStore
{
    public ValueTask<bool> AddAsync(Bookmark bookmark, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Add(bookmark));

    public ValueTask<bool> RemoveAsync(string userKey, int articleId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Remove(userKey, articleId));

    public ValueTask<bool> ContainsAsync(string userKey, int articleId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Contains(userKey, articleId));

    public ValueTask<IReadOnlyList<Bookmark>> ListAsync(string userKey, int skip, int take, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<Bookmark>>(List(userKey, skip, take));

    public ValueTask<int> CountAsync(string userKey, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Count(userKey));

    private bool Add(Bookmark bookmark)
    {
        try
        {
            database.Bookmarks.Insert(new BookmarkDocument
            {
                Key = KeyOf(bookmark.UserKey, bookmark.ArticleId),
                UserKey = bookmark.UserKey,
                ArticleId = bookmark.ArticleId,
                SavedAt = Dates.ToStored(bookmark.SavedAt),
                Title = bookmark.Title,
                Url = bookmark.Url,
                SourceName = bookmark.SourceName,
            });
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    private bool Remove(string userKey, int articleId)
    {
        var key = KeyOf(userKey, articleId);
        return database.Bookmarks.DeleteMany(b => b.Key == key) > 0;
    }

    private bool Contains(string userKey, int articleId)
    {
        var key = KeyOf(userKey, articleId);
        return database.Bookmarks.Exists(b => b.Key == key);
    }

    // Seek by the user index, then order the person's few bookmarks in memory: a query that
    // also orders by another field may walk that field's index across every user instead.
    private List<Bookmark> List(string userKey, int skip, int take) =>
        database.Bookmarks.Find(b => b.UserKey == userKey)
            .OrderByDescending(d => d.SavedAt)
            .ThenByDescending(d => d.Id)
            .Skip(skip)
            .Take(take)
            .Select(d => new Bookmark(d.UserKey, d.ArticleId, Dates.FromStored(d.SavedAt), d.Title, d.Url, d.SourceName))
            .ToList();

    private int Count(string userKey) => database.Bookmarks.Count(b => b.UserKey == userKey);

    private static string KeyOf(string userKey, int articleId) =>
        userKey + "#" + articleId.ToString(CultureInfo.InvariantCulture);
}
