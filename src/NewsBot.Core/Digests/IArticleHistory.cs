namespace NewsBot.Core.Digests;

/// <summary>Reads the stored articles in the order they arrived, for digests.</summary>
public interface IArticleHistory
{
    /// <summary>The id of the newest stored article, or 0 when there is none.</summary>
    int LatestId();

    /// <summary>
    /// The articles with an id above <paramref name="afterId"/> and at most
    /// <paramref name="upToId"/> that were stored at or after <paramref name="storedSince"/>,
    /// oldest first.
    /// </summary>
    IReadOnlyList<Article> StoredBetween(int afterId, int upToId, DateTimeOffset storedSince);
}
