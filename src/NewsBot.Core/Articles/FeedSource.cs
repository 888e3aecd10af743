namespace NewsBot.Core.Articles;

/// <summary>A feed the bot reads, with its health and what the next fetch needs to know.</summary>
public sealed record FeedSource(
    int Id,
    string Name,
    string Url,
    IReadOnlyList<string> Topics,
    bool Enabled,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? LastSuccessAt,
    string? LastError,
    int ConsecutiveFailures,
    int ItemCount,
    DateTimeOffset? NextPollAt)
{
    /// <summary>Where the feed is fetched from after a permanent redirect; null while it is at <see cref="Url"/>.</summary>
    public string? MovedTo { get; init; }

    /// <summary>The validators of the last copy, sent so an unchanged feed costs a 304.</summary>
    public string? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    /// <summary>True for sources listed in configuration; those are managed there, not from chat.</summary>
    public bool FromConfiguration { get; init; }

    /// <summary>Set once the admins have been told that this source was disabled.</summary>
    public bool AdminsNotified { get; init; }

    /// <summary>Something people should know about how the feed behaves (e.g. unstable item ids), as a <see cref="StoredText"/>.</summary>
    public string? Note { get; init; }

    /// <summary>A hash of the last body read in full; the same body again is known without parsing it.</summary>
    public string? ContentHash { get; init; }

    /// <summary>How many older items the last read left out because the feed listed more than one read takes.</summary>
    public int ItemsLeftOut { get; init; }

    /// <summary>The item keys in the feed's latest copy: those articles are kept past retention.</summary>
    public IReadOnlyList<string> CurrentItemKeys { get; init; } = [];

    /// <summary>Set by an admin (<c>/feeds pause</c>): the source is not read until resumed.</summary>
    public bool Paused { get; init; }

    /// <summary>How often this source is read, when an admin set it; null for Feeds:PollInterval.</summary>
    public TimeSpan? PollInterval { get; init; }

    /// <summary>Whether /read may fetch the article pages of this source.</summary>
    public FullTextMode FullText { get; init; }

    /// <summary>The address actually fetched.</summary>
    public string FetchUrl => MovedTo ?? Url;

    public bool IsHealthy => Enabled && LastError is null;
}
