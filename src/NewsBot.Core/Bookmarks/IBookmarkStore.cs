namespace NewsBot.Core.Bookmarks;

public interface IBookmarkStore
{
    /// <summary>Saves the bookmark; false when the person had already saved that article.</summary>
    ValueTask<bool> AddAsync(Bookmark bookmark, CancellationToken cancellationToken);

    /// <summary>False when there was nothing to remove.</summary>
    ValueTask<bool> RemoveAsync(string userKey, int articleId, CancellationToken cancellationToken);

    ValueTask<bool> ContainsAsync(string userKey, int articleId, CancellationToken cancellationToken);

    /// <summary>The person's bookmarks, most recently saved first.</summary>
    ValueTask<IReadOnlyList<Bookmark>> ListAsync(string userKey, int skip, int take, CancellationToken cancellationToken);

    ValueTask<int> CountAsync(string userKey, CancellationToken cancellationToken);
}
