namespace NewsBot.Platforms.Discord.Rest;

/// <summary>
/// How patient the REST client is. The defaults suit the real API; tests shrink the waits.
/// </summary>
internal sealed record DiscordRestTuning
{
    /// <summary>Discord's global ceiling: requests per second for the whole bot.</summary>
    public int GlobalRequestsPerSecond { get; init; } = 50;

    /// <summary>How many times a server error (5xx) or a dropped connection is retried before giving up.</summary>
    public int ServerErrorRetries { get; init; } = 3;

    /// <summary>The first wait after a server error; it doubles with each retry.</summary>
    public TimeSpan ServerErrorBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many 429 answers one request sits through before the caller is told to wait.</summary>
    public int RateLimitRetries { get; init; } = 3;

    /// <summary>A patient request waits out rate limits up to this long; beyond it the caller is told to retry later.</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait after a 429 that says nothing usable (an HTML page from Cloudflare).</summary>
    public TimeSpan UnreadableRateLimitWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Invalid requests (401, 403, 429 except shared-scope) allowed per <see cref="InvalidRequestWindow"/>
    /// before the client stops sending on its own. Discord bans the address for a while at 10,000.
    /// </summary>
    public int InvalidRequestLimit { get; init; } = 2_500;

    public TimeSpan InvalidRequestWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>DM channels remembered per person; past this the memory starts over instead of growing with every person ever messaged.</summary>
    public int DmChannelCacheSize { get; init; } = 10_000;

    /// <summary>Per-request time limit.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
