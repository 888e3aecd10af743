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
}
