namespace NewsBot.Feeds;

/// <summary>The "Feeds" section: which feeds to read and the limits that keep reading them safe.</summary>
internal sealed class FeedsOptions
{
    public const string SectionName = "Feeds";

    /// <summary>How often each feed is polled. At least one minute.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest one fetch may take, from sending the request to the last byte of the body.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Feeds larger than this are refused while downloading.</summary>
    public long MaxFeedBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Whether feed URLs may point at loopback, private or link-local addresses.</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>
    /// A proxy for every feed fetch (http://, https://, socks5://…), or empty for direct connections.
    /// Proxies named by the environment (HTTP_PROXY and the like) are never used for feeds.
    /// </summary>
    public string? Proxy { get; set; }

    /// <summary>The most items taken from one read of a feed; the newest are kept.</summary>
    public int MaxItemsPerRead { get; set; } = 500;

    /// <summary>The longest a feed's own caching hints (Cache-Control max-age, RSS ttl) may stretch its poll interval.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How many feeds are fetched at once.</summary>
    public int MaxConcurrentFetches { get; set; } = 16;

    /// <summary>How many feeds on one host are fetched at once, so one site is never hammered.</summary>
    public int MaxConcurrentFetchesPerHost { get; set; } = 2;

    /// <summary>The wait after a first failure; it doubles with each further failure.</summary>
    public TimeSpan RetryAfterFailure { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest wait between attempts on a failing feed.</summary>
    public TimeSpan MaxRetryInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>After this many failures in a row a feed is disabled and the admins are told.</summary>
    public int DisableAfterFailures { get; set; } = 10;

    /// <summary>Items older than this are stored but never pushed to subscribers as new.</summary>
    public TimeSpan NewItemMaxAge { get; set; } = TimeSpan.FromDays(2);

    /// <summary>The configured feeds.</summary>
    public List<FeedSourceOptions> Sources { get; init; } = [];
}

/// <summary>One configured feed.</summary>
internal sealed class FeedSourceOptions
{
    /// <summary>The name shown to people, e.g. in /sources.</summary>
    public string Name { get; set; } = "";

    /// <summary>An http(s) URL, or a file path (relative paths are resolved against the application folder).</summary>
    public string Url { get; set; } = "";

    /// <summary>Topics every article of this feed belongs to.</summary>
    public List<string> Topics { get; init; } = [];

    /// <summary>
    /// "auto" (the default): /read shows the feed's body, or the article page's main text when the
    /// feed has only a teaser. "never": only what the feed carries; the site's pages are not fetched.
    /// </summary>
    public string? FullText { get; set; }

    /// <summary>The <see cref="FullText"/> setting as read; anything the validator refuses never gets here.</summary>
    public FullTextMode FullTextMode =>
        string.Equals(FullText?.Trim(), "never", StringComparison.OrdinalIgnoreCase) ? NewsBot.Core.Articles.FullTextMode.Never : NewsBot.Core.Articles.FullTextMode.Auto;
}
