namespace NewsBot.Feeds;

/// <summary>A file the item points to: a podcast episode, a picture, a video.</summary>
/// <param name="Length">The size in bytes the feed states, or null.</param>
internal sealed record FeedEnclosure(string Url, string? Type, long? Length);

/// <summary>
/// One item as the parser read it: the normalised <see cref="FeedEntry"/> that is stored, and what
/// only diagnostics and the full view need: the title exactly as the feed gave it (possibly empty),
/// the dates the feed wrote (without fallbacks), the full body as text, and the enclosures.
/// </summary>
internal sealed class ParsedItem(
    FeedEntry entry,
    string ownTitle,
    DateTimeOffset? ownPublished,
    DateTimeOffset? ownUpdated,
    Func<string> content,
    IReadOnlyList<FeedEnclosure> enclosures)
{
    private string? _content;

    public FeedEntry Entry => entry;

    /// <summary>The title as the feed gave it, as plain text; "" when it gave none.</summary>
    public string OwnTitle => ownTitle;

    /// <summary>The publication date the feed wrote, without falling back to the update date.</summary>
    public DateTimeOffset? OwnPublished => ownPublished;

    public DateTimeOffset? OwnUpdated => ownUpdated;

    /// <summary>
    /// The full body as plain text (content:encoded, Atom content, JSON Feed content), or "".
    /// Converted on first use: polling never needs it, so it costs nothing there.
    /// </summary>
    public string Content => _content ??= content();

    public IReadOnlyList<FeedEnclosure> Enclosures => enclosures;
}
