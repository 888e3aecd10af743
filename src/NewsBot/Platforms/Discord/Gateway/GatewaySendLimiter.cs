namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>
/// Keeps one connection under Discord's gateway send limit (120 per 60 s) as a sliding window.
/// Ordinary sends wait for room below the limit minus a reserve; heartbeats never wait and use
/// the reserve, so a busy sender cannot make the bot miss a heartbeat.
/// </summary>
internal sealed class GatewaySendLimiter : IDisposable
{
    private readonly TimeProvider _time;
    private readonly int _limit;
    private readonly int _ordinaryLimit;
    private readonly TimeSpan _window;
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly SemaphoreSlim _ordinaryTurn = new(1, 1);
    private readonly Lock _lock = new();

    public GatewaySendLimiter(TimeProvider time, int limit, TimeSpan window, int heartbeatReserve)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(heartbeatReserve);
        _time = time;
        _limit = limit;
        _ordinaryLimit = Math.Max(1, limit - heartbeatReserve);
        _window = window;
    }

    /// <summary>Sends recorded within the current window.</summary>
    public int SentInWindow
    {
        get
        {
            lock (_lock)
            {
                Forget(_time.GetUtcNow());
                return _sent.Count;
            }
        }
    }

    /// <summary>Waits until an ordinary send fits in the window, then counts it.</summary>
    public async Task WaitForOrdinarySendAsync(CancellationToken cancellationToken)
    {
        await _ordinaryTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_lock)
                {
                    var now = _time.GetUtcNow();
                    Forget(now);
                    if (_sent.Count < _ordinaryLimit)
                    {
                        _sent.Enqueue(now);
                        return;
                    }

                    // The oldest sends leave the window first; wait until enough have left.
                    wait = _sent.ElementAt(_sent.Count - _ordinaryLimit) + _window - now;
                }

                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _ordinaryTurn.Release();
        }
    }

    /// <summary>Counts a heartbeat, which is sent at once whatever the window holds.</summary>
    public void RecordHeartbeat()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            Forget(now);
            _sent.Enqueue(now);
        }
    }

    public void Dispose() => _ordinaryTurn.Dispose();

    private void Forget(DateTimeOffset now)
    {
        while (_sent.Count > 0 && _sent.Peek() + _window <= now)
        {
            _sent.Dequeue();
        }
    }
}
