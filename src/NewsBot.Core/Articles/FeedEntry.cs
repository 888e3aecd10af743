namespace NewsBot.Core.Articles;

/// <summary>
/// One item of a feed after normalisation: plain-text title and summary, a canonical link,
/// UTC dates. This is what every feed format is turned into before it is stored.
/// </summary>
/// <param name="Id">The feed's own identifier for the item (RSS guid, Atom id, JSON Feed id), if any.</param>
/// <param name="Title">Plain text, never empty (falls back to the summary's first words or the link).</param>
/// <param name="Link">Canonical absolute http(s) URL without tracking parameters, or null.</param>
/// <param name="Published">When the item was published, in UTC, or null when the feed gives no usable date.</param>
/// <param name="Updated">When the item was last updated, in UTC, or null.</param>
/// <param name="Author">Plain-text author name, or null.</param>
/// <param name="Summary">Plain text (HTML removed, entities decoded), possibly empty.</param>
/// <param name="Categories">The feed's own categories or tags, trimmed, without duplicates.</param>
/// <param name="ImageUrl">Absolute URL of an image from media:content, media:thumbnail, an image enclosure or the content, or null.</param>
public sealed record FeedEntry(
    string? Id,
    string Title,
    string? Link,
    DateTimeOffset? Published,
    DateTimeOffset? Updated,
    string? Author,
    string Summary,
    IReadOnlyList<string> Categories,
    string? ImageUrl);
