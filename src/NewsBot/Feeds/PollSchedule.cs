namespace NewsBot.Feeds;

/// <summary>
/// When each source is read next. Every source has a fixed slot within its interval, derived
/// from a hash of its URL, so thousands of sources spread over the interval instead of all
/// firing at once after a restart; failures back off exponentially.
/// </summary>
internal static class PollSchedule
{
    /// <summary>
    /// The next read after a success: the source's slot at least half an interval away. The
    /// interval is the configured one, stretched by the feed's own caching hints up to the maximum.
    /// </summary>
    /// <param name="own">The source's own interval, set by an admin, in place of the configured one.</param>
    public static DateTimeOffset AfterSuccess(string url, DateTimeOffset now, FeedsOptions options, TimeSpan? maxAge, TimeSpan? ttl, TimeSpan? own = null)
    {
        var interval = own ?? options.PollInterval;
        foreach (var hint in new[] { maxAge, ttl })
        {
            if (hint is { } h && h > interval)
            {
                interval = h;
            }
        }

        if (interval > options.MaxPollInterval)
        {
            interval = options.MaxPollInterval;
        }

        var offset = (long)(Fnv1a(url) % (ulong)interval.Ticks);
        var earliest = now.UtcTicks + (interval.Ticks / 2);
        var cycles = (earliest - offset + interval.Ticks - 1) / interval.Ticks;
        return new DateTimeOffset((cycles * interval.Ticks) + offset, TimeSpan.Zero);
    }

    /// <summary>The next attempt after a failure: the first wait doubled per failure, capped, and never sooner than the server asked.</summary>
    public static DateTimeOffset AfterFailure(int consecutiveFailures, DateTimeOffset now, FeedsOptions options, TimeSpan? retryAfter)
    {
        var exponent = Math.Clamp(consecutiveFailures - 1, 0, 30);
        var wait = TimeSpan.FromTicks((long)Math.Min(options.RetryAfterFailure.Ticks * Math.Pow(2, exponent), options.MaxRetryInterval.Ticks));
        if (retryAfter is { } asked && asked > wait)
        {
            wait = asked < options.MaxRetryInterval ? asked : options.MaxRetryInterval;
        }

        return now + wait;
    }

    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        return hash;
    }
}
