namespace NewsBot.Feeds;

/// <summary>How a piece of feed text is to be read.</summary>
internal enum TextKind
{
    /// <summary>Plain text: markup-like characters are just characters.</summary>
    Plain,

    /// <summary>HTML (escaped, in CDATA, or XHTML written out by the reader).</summary>
    Html,

    /// <summary>RSS titles and names: plain by the book, HTML in practice when they carry tags or entities.</summary>
    Guess,
}

/// <summary>A piece of text from the feed, how to read it, and the base URI in force where it stood.</summary>
internal sealed record RawText(string Value, TextKind Kind, Uri? Base);

/// <summary>A link element: RSS &lt;link&gt;, Atom &lt;link rel href type&gt;, CDF HREF.</summary>
internal sealed record RawLink(string? Rel, string? Type, string Href, Uri? Base);

/// <summary>Where a media reference came from; images are chosen in this order.</summary>
internal enum MediaSource
{
    MediaContent,
    Thumbnail,
    Enclosure,
    ITunesImage,
}

/// <summary>An enclosure or media object: RSS enclosure, Atom rel="enclosure", media:content, media:thumbnail, itunes:image.</summary>
internal sealed record RawMedia(string Url, string? Type, string? Medium, long? Length, Uri? Base, MediaSource Source);

/// <summary>Everything read from one item or entry, before any normalisation.</summary>
internal sealed class RawFeedItem
{
    public string? Id { get; set; }

    public string? FallbackId { get; set; }

    public RawText? Title { get; set; }

    public RawText? ModuleTitle { get; set; }

    public List<RawLink> Links { get; } = [];

    public string? Published { get; set; }

    public string? Updated { get; set; }

    public string? ModulePublished { get; set; }

    public string? ModuleUpdated { get; set; }

    public string? ModuleDate { get; set; }

    public string? ModuleCreated { get; set; }

    public RawText? Description { get; set; }

    public RawText? Content { get; set; }

    public RawText? ModuleSummary { get; set; }

    public RawText? Subtitle { get; set; }

    public string? Author { get; set; }

    public string? ModuleAuthor { get; set; }

    public string? Contributor { get; set; }

    public List<string> Categories { get; } = [];

    public List<RawMedia> Media { get; } = [];
}
