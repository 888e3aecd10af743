namespace NewsBot.Benchmarks.Measurement;

/// <summary>Latency figures of one series of calls, in milliseconds.</summary>
internal sealed record LatencySummary(int Count, double MeanMs, double MinMs, double P50Ms, double P99Ms, double MaxMs)
{
    public static readonly LatencySummary Empty = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    public bool HasData => Count > 0;
}

/// <summary>
/// Collects one elapsed time per call, as <see cref="Stopwatch.GetTimestamp"/> differences, and
/// reports nearest-rank percentiles. Preallocated so recording does not allocate while timing.
/// </summary>
internal sealed class LatencyRecorder(int capacity)
{
    private long[] _elapsed = new long[Math.Max(1, capacity)];
    private int _count;

    public int Count => _count;

    /// <summary>Starts a measurement: pass the result to <see cref="Stop"/>.</summary>
    public static long Start() => Stopwatch.GetTimestamp();

    /// <summary>Timestamp ticks since <paramref name="started"/>, for <see cref="Record"/>.</summary>
    public static long Since(long started) => Stopwatch.GetTimestamp() - started;

    public void Stop(long started) => Record(Since(started));

    public void Record(long elapsedTimestampTicks)
    {
        if (_count == _elapsed.Length)
        {
            Array.Resize(ref _elapsed, _elapsed.Length * 2);
        }

        _elapsed[_count++] = elapsedTimestampTicks;
    }

    public LatencySummary Summarize()
    {
        if (_count == 0)
        {
            return LatencySummary.Empty;
        }

        var sorted = _elapsed[.._count];
        Array.Sort(sorted);
        var sum = 0.0;
        foreach (var value in sorted)
        {
            sum += value;
        }

        return new LatencySummary(
            _count,
            ToMilliseconds(sum / _count),
            ToMilliseconds(sorted[0]),
            ToMilliseconds(Percentile(sorted, 50)),
            ToMilliseconds(Percentile(sorted, 99)),
            ToMilliseconds(sorted[^1]));
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="percent"/>% of the calls at or below it.</summary>
    private static long Percentile(long[] sorted, double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    private static double ToMilliseconds(double timestampTicks) => timestampTicks * 1000.0 / Stopwatch.Frequency;
}
