namespace NewsBot.Storage;

/// <summary>
/// Reads articles by id, newest first, through the primary key: ids are given in the order
/// articles are stored, so the newest stop at the first one stored before the window.
/// </summary>
internal sealed class LiteDbArticleHistory(NewsBotDatabase database) : IArticleHistory
{
    public int LatestId() =>
        database.Articles.Query().OrderByDescending(a => a.Id).Select(a => a.Id).Limit(1).ToList() is [var id] ? id : 0;

    public IReadOnlyList<Article> StoredBetween(int afterId, int upToId, DateTimeOffset storedSince)
    {
        if (upToId <= afterId)
        {
            return [];
        }

        var since = Dates.ToStored(storedSince);
        var newestFirst = database.Articles.Query()
            .Where(a => a.Id > afterId && a.Id <= upToId)
            .OrderByDescending(a => a.Id)
            .ToEnumerable()
            .TakeWhile(a => a.IngestedAt >= since)
            .Select(LiteDbArticleStore.ToArticle)
            .ToList();
        newestFirst.Reverse();
        return newestFirst;
    }
}
