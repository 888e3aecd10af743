namespace NewsBot.Feeds;

/// <summary>
/// What one parse of a downloaded feed produced: the normalised entries plus, in plain sentences,
/// everything that was wrong with the document.
/// </summary>
/// <param name="Format">"RSS 2.0", "RSS 1.0", "Atom 1.0", "JSON Feed 1.1", "CDF", …; null when the bytes were not a feed.</param>
/// <param name="Title">The feed's own title as plain text, possibly empty.</param>
/// <param name="SiteLink">The web site the feed belongs to, as an absolute URL, or null.</param>
/// <param name="Items">The items, in document order.</param>
/// <param name="Problems">The defects found, each a <see cref="StoredText"/> read in its reader's language; empty when there were none.</param>
/// <param name="Ttl">How long the feed asks to be cached (RSS ttl), or null.</param>
internal sealed record FeedDocument(
    string? Format,
    string Title,
    string? SiteLink,
    IReadOnlyList<ParsedItem> Items,
    IReadOnlyList<string> Problems,
    TimeSpan? Ttl)
{
    private IReadOnlyList<FeedEntry>? _entries;

    /// <summary>The normalised entries, in document order.</summary>
    public IReadOnlyList<FeedEntry> Entries => _entries ??= Items.Select(i => i.Entry).ToList();

    /// <summary>True when the bytes were a feed (possibly with no items); false when parsing failed.</summary>
    public bool IsFeed => Format is not null;

    /// <summary>A failed parse: no entries and one problem saying what the bytes looked like.</summary>
    public static FeedDocument NotAFeed(string problem) => new(null, "", null, [], [problem], null);
}
