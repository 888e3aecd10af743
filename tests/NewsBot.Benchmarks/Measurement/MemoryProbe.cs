namespace NewsBot.Benchmarks.Measurement;

/// <summary>
/// The process's memory at one moment, in bytes. On Linux the working set is VmRSS and its peak
/// VmHWM from /proc/self/status, which <see cref="MemoryProbe.TryResetPeak"/> restarts.
/// </summary>
internal sealed record MemorySnapshot(
    long WorkingSet,
    long PeakWorkingSet,
    long ManagedAllocated,
    long GcHeapSize,
    long GcCommitted,
    long GcFragmented,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections);

/// <summary>Working set (resident memory), its peak, and what the garbage collector holds.</summary>
internal static class MemoryProbe
{
    public static MemorySnapshot Take()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        return new MemorySnapshot(
            process.WorkingSet64,
            process.PeakWorkingSet64,
            GC.GetTotalMemory(forceFullCollection: false),
            info.HeapSizeBytes,
            info.TotalCommittedBytes,
            info.FragmentedBytes,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2));
    }

    /// <summary>Bytes still reachable after a full, blocking collection.</summary>
    public static long LiveManagedBytes() => GC.GetTotalMemory(forceFullCollection: true);

    /// <summary>
    /// Collects everything and gives free memory back to the operating system, so what an
    /// earlier phase allocated does not count against the next one.
    /// </summary>
    public static void ReleaseEverything()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>
    /// Restarts the peak working set from the current working set (Linux: "5" written to
    /// /proc/self/clear_refs resets VmHWM), so a later <see cref="MemorySnapshot.PeakWorkingSet"/>
    /// covers only what happened since. False where that is not possible.
    /// </summary>
    public static bool TryResetPeak()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
