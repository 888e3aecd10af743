namespace NewsBot.Benchmarks.Ingest;

/// <summary>
/// A clock the benchmark moves by hand: the scheduler, the poller and the ingestor read the time
/// from it, so every source can be made due for each cycle without waiting ten minutes. Only
/// <see cref="GetUtcNow"/> is manual; nothing in the measured path creates timers on it (the
/// polling loop's <c>PeriodicTimer</c> is not run: the benchmark calls <c>PollDueAsync</c>
/// itself), and fetch time-outs use the real clock, as in the app.
/// </summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>Moves the clock to <paramref name="time"/>; never backwards.</summary>
    public void AdvanceTo(DateTimeOffset time)
    {
        if (time.UtcTicks > Interlocked.Read(ref _utcTicks))
        {
            Interlocked.Exchange(ref _utcTicks, time.UtcTicks);
        }
    }
}
