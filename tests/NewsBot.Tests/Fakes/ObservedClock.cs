namespace NewsBot.Tests.Fakes;

/// <summary>
/// A fake clock that also lists the waits started on it, in order, and knows which of them have
/// fired, so a test can wait until the code under test is actually waiting for a given time
/// before moving the clock, and can tell that a wait is still pending after a move (a timer
/// fires inside <see cref="FakeTimeProvider.Advance"/>, so that is known the moment it returns).
/// </summary>
public sealed class ObservedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _waits = [];
    private readonly HashSet<int> _fired = [];
    private readonly ChangeSignal _changes = new();

    public ObservedClock()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_lock)
            {
                return _waits.ToList();
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        int position;
        lock (_lock)
        {
            position = _waits.Count;
            _waits.Add(dueTime);
        }

        _changes.Pulse();
        return base.CreateTimer(
            s =>
            {
                lock (_lock)
                {
                    _fired.Add(position);
                }

                callback(s);
            },
            state,
            dueTime,
            period);
    }

    /// <summary>Whether the wait at this position (as <see cref="WaitForWaitAsync(Func{TimeSpan, bool}, int)"/> returned it) has fired.</summary>
    public bool HasFired(int position)
    {
        lock (_lock)
        {
            return _fired.Contains(position);
        }
    }

    /// <summary>
    /// Waits (a few seconds of real time at most) for a wait matching <paramref name="match"/>
    /// started at or after position <paramref name="from"/>; returns its position.
    /// </summary>
    public async Task<int> WaitForWaitAsync(Func<TimeSpan, bool> match, int from = 0)
    {
        var position = -1;
        await Eventually.WaitUntilAsync(
            () => (position = Waits.Select((wait, i) => (wait, i)).Skip(from).Where(w => match(w.wait)).Select(w => w.i).DefaultIfEmpty(-1).First()) >= 0,
            "a matching wait to start",
            changes: _changes,
            seen: () => $"waits [{string.Join(", ", Waits.Skip(from))}]");
        return position;
    }

    public Task<int> WaitForWaitAsync(TimeSpan dueTime, int from = 0) => WaitForWaitAsync(d => d == dueTime, from);

    /// <summary>Waits until at least <paramref name="count"/> waits matching <paramref name="match"/> have started.</summary>
    public Task WaitForWaitsAsync(Func<TimeSpan, bool> match, int count, string what) =>
        Eventually.WaitUntilAsync(
            () => Waits.Count(match) >= count,
            what,
            changes: _changes,
            seen: () => $"{Waits.Count(match)} matching of {Waits.Count} waits");
}
