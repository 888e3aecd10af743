namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>
/// The wait before each reconnect: the base delay doubling per attempt up to the cap, moved by a
/// random jitter, and back to the base once a session is established (READY or RESUMED).
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan baseDelay, TimeSpan maxDelay, TimeSpan jitter, Random random)
{
    private int _attempt;

    public TimeSpan NextDelay()
    {
        var exponent = Math.Min(_attempt, 30);
        var grown = baseDelay.Ticks * Math.Pow(2, exponent);
        var capped = Math.Min(grown, maxDelay.Ticks);
        var shift = (random.NextDouble() * 2 - 1) * jitter.Ticks;
        _attempt++;
        return TimeSpan.FromTicks((long)Math.Clamp(capped + shift, 0, maxDelay.Ticks));
    }

    public void Reset() => _attempt = 0;
}
