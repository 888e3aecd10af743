namespace NewsBot.Platforms.Discord.Rest;

/// <summary>
/// Counts invalid requests (401, 403, and 429 except shared-scope ones) over a sliding window
/// and says stop well before Discord's 10,000-per-10-minutes ban on the whole address.
/// </summary>
internal sealed class InvalidRequestGuard(TimeProvider time, DiscordRestTuning tuning)
{
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _recent = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                Expire(time.GetUtcNow());
                return _recent.Count;
            }
        }
    }

    public void Record()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Expire(now);
            _recent.Enqueue(now);
        }
    }

    /// <summary>Whether the limit is reached, and if so how long until the oldest invalid request leaves the window.</summary>
    public bool IsOverLimit(out TimeSpan wait)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Expire(now);
            if (_recent.Count < tuning.InvalidRequestLimit)
            {
                wait = TimeSpan.Zero;
                return false;
            }

            wait = _recent.Peek() + tuning.InvalidRequestWindow - now;
            return true;
        }
    }

    private void Expire(DateTimeOffset now)
    {
        while (_recent.Count > 0 && now - _recent.Peek() >= tuning.InvalidRequestWindow)
        {
            _recent.Dequeue();
        }
    }
}
