namespace NewsBot.Platforms.Discord.Rest;

/// <summary>Discord (or the client's own limiter) asks to wait before sending again; nothing was sent this time.</summary>
internal sealed class DiscordRateLimitedException : Exception
{
    public DiscordRateLimitedException(TimeSpan retryAfter, bool global, string template)
        : base($"Rate limited on {template}; retry after {retryAfter.TotalSeconds:0.###} s{(global ? " (whole bot)" : string.Empty)}")
    {
        RetryAfter = retryAfter;
        Global = global;
    }

    public DiscordRateLimitedException()
        : this(TimeSpan.Zero, false, "a request")
    {
    }

    public DiscordRateLimitedException(string message)
        : base(message)
    {
    }

    public DiscordRateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TimeSpan RetryAfter { get; }

    /// <summary>The wait is for the whole bot, not one channel.</summary>
    public bool Global { get; }
}
