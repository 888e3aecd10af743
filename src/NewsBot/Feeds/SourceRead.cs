namespace NewsBot.Feeds;

/// <summary>A fetch of a source as <see cref="SourcePoller.Read"/> left it, ready to be stored.</summary>
internal sealed record SourceRead(FeedSource Source, FetchResult Result)
{
    /// <summary>The hash of the body fetched, when one was.</summary>
    public string? Hash { get; init; }

    /// <summary>The body is the one read last time: nothing to parse or store.</summary>
    public bool Unchanged { get; init; }

    public FeedDocument? Document { get; init; }

    /// <summary>The new items, ready to store; null unless <see cref="Document"/> is a feed.</summary>
    public PreparedCopy? Copy { get; init; }

    /// <summary>Items the read cap left out.</summary>
    public int LeftOut { get; init; }

    /// <summary>A defect met while reading, reported when the read is stored.</summary>
    public Exception? Crash { get; init; }
}
