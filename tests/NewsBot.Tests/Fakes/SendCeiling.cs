namespace NewsBot.Tests.Fakes;

/// <summary>
/// A platform's ceiling on messages per second for one bot token, as the platform enforces it:
/// a send that arrives when the second before it already holds <see cref="PerSecond"/> sends is
/// refused with a flood wait. Several fake servers can share one, so instances that each talk to
/// a server of their own are still held to one ceiling, as they would be by the real platform.
/// </summary>
public sealed class SendCeiling(int perSecond, TimeProvider? clock = null)
{
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _lastSecond = new();
    private readonly List<DateTimeOffset> _accepted = [];
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private int _refused;

    public int PerSecond => perSecond;

    /// <summary>How many sends were refused for going over the ceiling.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>When each accepted send arrived, in order.</summary>
    public IReadOnlyList<DateTimeOffset> Accepted
    {
        get
        {
            lock (_lock)
            {
                return _accepted.ToList();
            }
        }
    }

    /// <summary>Counts a send arriving now; false when it would be one too many in the last second.</summary>
    public bool TryAccept()
    {
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            while (_lastSecond.Count > 0 && _lastSecond.Peek() <= now - TimeSpan.FromSeconds(1))
            {
                _lastSecond.Dequeue();
            }

            if (_lastSecond.Count >= perSecond)
            {
                _refused++;
                return false;
            }

            _lastSecond.Enqueue(now);
            _accepted.Add(now);
            return true;
        }
    }

    /// <summary>The most sends accepted within any one second, and when that second began.</summary>
    public (int Count, DateTimeOffset From) BusiestSecond()
    {
        var arrivals = Accepted;
        var best = (Count: 0, From: DateTimeOffset.MinValue);
        var first = 0;
        for (var last = 0; last < arrivals.Count; last++)
        {
            while (arrivals[last] - arrivals[first] >= TimeSpan.FromSeconds(1))
            {
                first++;
            }

            if (last - first + 1 > best.Count)
            {
                best = (last - first + 1, arrivals[first]);
            }
        }

        return best;
    }
}
