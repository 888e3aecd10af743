namespace NewsBot.Benchmarks.Measurement;

/// <summary>What the process used over one measured stretch.</summary>
/// <param name="JitTime">Time the JIT spent compiling (tier-up included), part of <paramref name="Cpu"/>.</param>
internal sealed record ResourceUsage(
    TimeSpan Wall,
    TimeSpan Cpu,
    long AllocatedBytes,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    TimeSpan JitTime,
    long JitMethods);

/// <summary>
/// Wall time, the process's CPU time (all threads: the measured code, the thread pool, the
/// garbage collector, the JIT), bytes allocated, collections and JIT work between
/// <see cref="Start"/> and <see cref="Stop"/>.
/// </summary>
internal sealed class ResourceMeter
{
    private readonly long _started;
    private readonly TimeSpan _cpu;
    private readonly long _allocated;
    private readonly int _gen0;
    private readonly int _gen1;
    private readonly int _gen2;
    private readonly TimeSpan _jitTime;
    private readonly long _jitMethods;

    private ResourceMeter()
    {
        _jitTime = System.Runtime.JitInfo.GetCompilationTime();
        _jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
        _cpu = ProcessorTime();
        _allocated = GC.GetTotalAllocatedBytes(precise: false);
        _gen0 = GC.CollectionCount(0);
        _gen1 = GC.CollectionCount(1);
        _gen2 = GC.CollectionCount(2);
        _started = Stopwatch.GetTimestamp();
    }

    public static ResourceMeter Start() => new();

    public static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    public ResourceUsage Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_started);
        return new ResourceUsage(
            wall,
            ProcessorTime() - _cpu,
            GC.GetTotalAllocatedBytes(precise: false) - _allocated,
            GC.CollectionCount(0) - _gen0,
            GC.CollectionCount(1) - _gen1,
            GC.CollectionCount(2) - _gen2,
            System.Runtime.JitInfo.GetCompilationTime() - _jitTime,
            System.Runtime.JitInfo.GetCompiledMethodCount() - _jitMethods);
    }
}
