namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>
/// Paces Identify: at most max_concurrency per window (5 s), and none while the session start
/// budget from <c>GET /gateway/bot</c> is spent until it resets. Burning the daily budget gets
/// the bot token reset, so every Identify passes here.
/// </summary>
internal sealed class IdentifyGate(TimeProvider time, TimeSpan window)
{
    private readonly Queue<DateTimeOffset> _recent = new();
    private int _remaining = int.MaxValue;
    private int _maxConcurrency = 1;
    private DateTimeOffset _resetAt = DateTimeOffset.MinValue;

    /// <summary>When the spent budget resets; null while identifies are left.</summary>
    public DateTimeOffset? BlockedUntil => _remaining <= 0 && time.GetUtcNow() < _resetAt ? _resetAt : null;

    /// <summary>Takes the budget Discord just reported.</summary>
    public void Update(SessionStartLimit limit)
    {
        _remaining = limit.Remaining;
        _maxConcurrency = Math.Max(1, limit.MaxConcurrency);
        _resetAt = time.GetUtcNow() + limit.ResetAfter;
    }

    /// <summary>Waits until an Identify is allowed, then counts it.</summary>
    public async Task WaitForTurnAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            if (_remaining <= 0)
            {
                if (now < _resetAt)
                {
                    await Task.Delay(_resetAt - now, time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                // The budget has reset since Discord reported it; the next report sets it exactly.
                _remaining = int.MaxValue;
            }

            while (_recent.Count > 0 && _recent.Peek() + window <= now)
            {
                _recent.Dequeue();
            }

            if (_recent.Count >= _maxConcurrency)
            {
                await Task.Delay(_recent.Peek() + window - now, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            _recent.Enqueue(now);
            _remaining--;
            return;
        }
    }
}
