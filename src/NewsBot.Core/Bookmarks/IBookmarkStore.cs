namespace NewsBot.Core.Bookmarks;

public interface IBookmarkStore
{
    /// <summary>Saves the bookmark; false when the person had already saved that article.</summary>
    bool Add(Bookmark bookmark);

    /// <summary>False when there was nothing to remove.</summary>
    bool Remove(string userKey, int articleId);

    bool Contains(string userKey, int articleId);

    /// <summary>The person's bookmarks, most recently saved first.</summary>
    IReadOnlyList<Bookmark> List(string userKey, int skip, int take);

    int Count(string userKey);
}
