using Microsoft.Extensions.Time.Testing;

namespace NewsBot.Tests.Fakes;

/// <summary>
/// A fake clock that also lists the waits started on it, in order, so a test can wait until the
/// code under test is actually waiting for a given time before moving the clock.
/// </summary>
public sealed class ObservedClock() : FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _waits = [];

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
        lock (_lock)
        {
            _waits.Add(dueTime);
        }

        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>
    /// Waits (a few seconds of real time at most) for a wait matching <paramref name="match"/>
    /// started at or after position <paramref name="from"/>; returns its position.
    /// </summary>
    public async Task<int> WaitForWaitAsync(Func<TimeSpan, bool> match, int from = 0)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var waits = Waits;
            for (var i = from; i < waits.Count; i++)
            {
                if (match(waits[i]))
                {
                    return i;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No matching wait was started; waits: [{string.Join(", ", waits.Skip(from))}].");
            }

            await Task.Delay(5);
        }
    }

    public Task<int> WaitForWaitAsync(TimeSpan dueTime, int from = 0) => WaitForWaitAsync(d => d == dueTime, from);
}
