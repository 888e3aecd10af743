namespace NewsBot.Core.Articles;

/// <summary>
/// The intervals an admin may give one source (<c>/feeds set 7 interval 30m</c>): the same bounds
/// as the configured interval, and the configured one that applies when none is given.
/// </summary>
public sealed record PollIntervalLimits(TimeSpan Shortest, TimeSpan Longest, TimeSpan Default)
{
    /// <summary>The bounds of the default settings (Feeds:PollInterval, Feeds:MaxPollInterval).</summary>
    public static PollIntervalLimits Standard { get; } = new(TimeSpan.FromMinutes(1), TimeSpan.FromHours(12), TimeSpan.FromMinutes(10));
}
