namespace NewsBot.Benchmarks.Measurement;

/// <summary>The largest values seen while sampling.</summary>
internal sealed record MemoryPeaks(long WorkingSet, long GcHeap, long GcCommitted, int Samples);

/// <summary>
/// Samples the working set and the garbage collector's heap every few milliseconds on a timer
/// thread, for the peaks of a stretch of work that /proc's VmHWM does not give (the GC heap).
/// One sample costs a few microseconds.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private readonly Lock _lock = new();
    private readonly Process _process = Process.GetCurrentProcess();
    private long _workingSet;
    private long _gcHeap;
    private long _gcCommitted;
    private int _samples;

    public MemorySampler(TimeSpan interval)
    {
        _timer = new Timer(_ => Sample(), null, interval, interval);
    }

    /// <summary>Takes a sample now and forgets the earlier peaks.</summary>
    public void Restart()
    {
        lock (_lock)
        {
            _workingSet = 0;
            _gcHeap = 0;
            _gcCommitted = 0;
            _samples = 0;
        }

        Sample();
    }

    /// <summary>Takes a last sample and returns the peaks since <see cref="Restart"/>.</summary>
    public MemoryPeaks Read()
    {
        Sample();
        lock (_lock)
        {
            return new MemoryPeaks(_workingSet, _gcHeap, _gcCommitted, _samples);
        }
    }

    public void Dispose()
    {
        using var stopped = new ManualResetEvent(false);
        if (_timer.Dispose(stopped))
        {
            stopped.WaitOne(TimeSpan.FromSeconds(5));
        }

        _process.Dispose();
    }

    private void Sample()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        lock (_lock)
        {
            _process.Refresh();
            _workingSet = Math.Max(_workingSet, _process.WorkingSet64);
            _gcHeap = Math.Max(_gcHeap, Math.Max(info.HeapSizeBytes, GC.GetTotalMemory(forceFullCollection: false)));
            _gcCommitted = Math.Max(_gcCommitted, info.TotalCommittedBytes);
            _samples++;
        }
    }
}
