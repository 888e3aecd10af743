namespace NewsBot.Core.Bookmarks;

/// <summary>
/// A saved article. Title, URL and source are copied at save time so the bookmark survives
/// the article being pruned.
/// </summary>
public sealed record Bookmark(
    string UserKey,
    int ArticleId,
    DateTimeOffset SavedAt,
    string Title,
    string Url,
    string SourceName);
