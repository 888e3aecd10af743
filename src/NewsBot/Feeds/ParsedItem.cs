using NewsBot.Core.Articles;

namespace NewsBot.Feeds;

/// <summary>A file the item points to: a podcast episode, a picture, a video.</summary>
/// <param name="Length">The size in bytes the feed states, or null.</param>
internal sealed record FeedEnclosure(string Url, string? Type, long? Length);

/// <summary>
/// One item as the parser read it: the normalised <see cref="FeedEntry"/> that is stored, and what
/// only diagnostics and the full view need: the title exactly as the feed gave it (possibly empty),
/// the dates the feed wrote (without fallbacks), the full body as text, and the enclosures.
/// </summary>
internal sealed record ParsedItem(
    FeedEntry Entry,
    string OwnTitle,
    DateTimeOffset? OwnPublished,
    DateTimeOffset? OwnUpdated,
    string Content,
    IReadOnlyList<FeedEnclosure> Enclosures);
