using NewsBot.Benchmarks.Stores;

namespace NewsBot.Benchmarks.Ingest;

/// <summary>The targets of issue 3, for a machine with two cores.</summary>
internal static class IngestTargets
{
    public static readonly TimeSpan FullCycle = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan AllNotModifiedCycle = TimeSpan.FromSeconds(0.2);

    /// <summary>The all-304 cycle on each store: LiteDB in the process, PostgreSQL a round trip per source away.</summary>
    public static TimeSpan AllNotModified(StoreKind store) => store == StoreKind.Postgres ? TimeSpan.FromSeconds(0.5) : AllNotModifiedCycle;
    public const long PeakWorkingSetBytes = 400_000_000;
    public const int CapacitySources = 25_000;

    /// <summary>NewsBot's parse of the same bytes may take at most this many times CodeHollow's.</summary>
    public const double ParseOverBaseline = 2.0;

    /// <summary>The poll interval the capacity is stated for.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    /// <summary>10 % of one core over the interval.</summary>
    public static readonly TimeSpan CpuBudget = Interval * 0.10;

    /// <summary>How often the app's scheduler looks for due sources.</summary>
    public static TimeSpan SchedulerTick => FeedPollingService.Tick;

    public static double TicksPerInterval => Interval / SchedulerTick;
}

internal enum CycleKind
{
    FirstFetch,
    NotModified,
    UnchangedResent,
    PartlyNew,
}

/// <summary>One polling cycle: every source due, one call of <c>FeedPollingService.PollDueAsync</c>.</summary>
/// <param name="At">The clock during the cycle (the articles' ingestion time).</param>
/// <param name="Polled">Sources whose last attempt is this cycle's.</param>
/// <param name="Failed">Sources left with an error by this cycle.</param>
/// <param name="ItemsRead">Items in the feed copies the site sent in full (200).</param>
/// <param name="Added">Articles stored (what <c>PollDueAsync</c> returned).</param>
/// <param name="PeakWorkingSet">The process's peak resident memory during the cycle (Linux VmHWM, restarted at the cycle's start), or the sampled peak elsewhere.</param>
/// <param name="LiveAfter">Managed bytes still reachable after the cycle (after a full collection, outside the timing).</param>
internal sealed record CycleResult(
    int Number,
    CycleKind Kind,
    DateTimeOffset At,
    int Due,
    ResourceUsage Usage,
    TimeSpan SiteCpu,
    SiteStats Site,
    StoreTime Store,
    int Polled,
    int Failed,
    string? FirstError,
    long ItemsRead,
    int Added,
    long PeakWorkingSet,
    bool PeakWasReset,
    MemoryPeaks Sampled,
    MemorySnapshot After,
    long LiveAfter)
{
    /// <summary>Of the articles stored, those marked new (pushed to subscribers); first-fetch items never are.</summary>
    public int NewForSubscribers { get; init; }

    /// <summary>Of the articles stored, those joined to a story another source reported first.</summary>
    public int JoinedStories { get; init; }

    public double ItemsPerSecond => ItemsRead / Usage.Wall.TotalSeconds;

    public string Label => Kind switch
    {
        CycleKind.FirstFetch => "1. first fetch, every item new (stored as backlog)",
        CycleKind.NotModified => "2. nothing changed: 304 everywhere",
        CycleKind.UnchangedResent => "3. nothing changed, sent again: 200, ETag ignored",
        CycleKind.PartlyNew => "4. some items new in every feed",
        _ => Kind.ToString(),
    };
}

/// <summary>One pass of one parser over every document of a feed round, single-threaded.</summary>
internal sealed record ParseTiming(TimeSpan Wall, TimeSpan Cpu, long Items, int Documents, int Failures, string? FirstFailure);

/// <summary>The parsers alone on the bytes of cycle 1: the median pass of each (by wall time).</summary>
internal sealed record ParseComparison(
    ParseTiming CodeHollow,
    ParseTiming NewsBot,
    int Passes,
    long Bytes,
    int Identical,
    int Documents,
    IReadOnlyDictionary<FeedFormat, int> Formats)
{
    public double NewsBotOverCodeHollow => NewsBot.Wall / CodeHollow.Wall;
}

/// <summary>A pass of the fetcher alone over every source, with the poller's caps.</summary>
internal sealed record FetchPass(ResourceUsage Usage, int Ok, int NotModified, int Failed, long Bytes, string? FirstFailure);

/// <summary>The scheduler finding nothing due: <c>PollDueAsync</c> when no source is due, averaged over several calls.</summary>
internal sealed record IdleTick(int Calls, TimeSpan WallPerCall, TimeSpan CpuPerCall, long Fetches);

/// <summary>
/// Sources one instance can poll every <see cref="IngestTargets.Interval"/> within
/// <see cref="IngestTargets.CpuBudget"/> of CPU:
/// S = budget ÷ (mix × c304 + (1 − mix) × c200 + ticks × cTick), with c304 and c200 the CPU
/// seconds per source of the all-304 and the unchanged-200 cycles, cTick the CPU seconds per
/// source of one scheduler tick that finds nothing due (it reads every source), and ticks the
/// scheduler's ticks per interval. The cost of genuinely new items is left out: most polls of
/// a ten-minute schedule find nothing new.
/// </summary>
internal sealed record Capacity(double PerSource304, double PerSource200, double PerSourceTick, double NotModifiedShare)
{
    public double BlendedPerPoll => (NotModifiedShare * PerSource304) + ((1 - NotModifiedShare) * PerSource200);

    public double Sources => SourcesFor(BlendedPerPoll);

    public double AllNotModified => SourcesFor(PerSource304);

    public double AllResent => SourcesFor(PerSource200);

    public double TickShareOfBlended => IngestTargets.TicksPerInterval * PerSourceTick / (BlendedPerPoll + (IngestTargets.TicksPerInterval * PerSourceTick));

    private double SourcesFor(double perPoll) =>
        IngestTargets.CpuBudget.TotalSeconds / (perPoll + (IngestTargets.TicksPerInterval * PerSourceTick));
}

/// <summary>The warm-up before the cycles: rounds of throwaway pollers until the JIT had little left to compile.</summary>
internal sealed record WarmUp(TimeSpan Time, int Rounds, int Sources, long MethodsInLastRound);

/// <summary>The cycles on one store, each on a database of its own, in the same run as the others.</summary>
internal sealed record StoreCycles(
    StoreKind Store,
    IReadOnlyList<CycleResult> Cycles,
    IdleTick Idle,
    Capacity Capacity,
    WarmUp WarmUp,
    TimeSpan Registration,
    long DatabaseBytes,
    int Articles,
    int AdminNotices)
{
    public CycleResult Cycle(CycleKind kind) => Cycles.First(c => c.Kind == kind);

    public bool FullCycleMet => Cycle(CycleKind.FirstFetch).Usage.Wall <= IngestTargets.FullCycle;

    public bool NotModifiedMet => Cycle(CycleKind.NotModified).Usage.Wall <= IngestTargets.AllNotModified(Store);

    public long PeakWorkingSet => Cycles.Max(c => c.PeakWorkingSet);

    public bool MemoryMet => PeakWorkingSet <= IngestTargets.PeakWorkingSetBytes;

    public bool CapacityMet => Capacity.Sources >= IngestTargets.CapacitySources;
}

/// <summary>Everything one run of the scenario measured; the cycle figures at the top level are the first store's.</summary>
internal sealed record IngestRun(
    IngestSettings Settings,
    PublishedWindow FirstRound,
    PublishedWindow? SecondRound,
    IReadOnlyList<CycleResult> Cycles,
    ParseComparison Parse,
    FetchPass FetchAll200,
    FetchPass FetchAll304,
    IReadOnlyDictionary<CycleKind, IngestPass> Ingest,
    IngestParts IngestParts,
    IdleTick Idle,
    Capacity Capacity,
    WarmUp WarmUp,
    TimeSpan Registration,
    long DatabaseBytes,
    int Articles,
    int AdminNotices,
    MachineInfo Machine,
    string? LoadAtEnd)
{
    /// <summary>Every store measured, the first one being the one the top-level figures describe.</summary>
    public IReadOnlyList<StoreCycles> Stores { get; init; } = [];

    /// <summary>The cycles of several instances on one PostgreSQL database (<c>--instances N</c>); null without it.</summary>
    public SharedReadingRun? Shared { get; init; }

    public CycleResult Cycle(CycleKind kind) => Cycles.First(c => c.Kind == kind);

    public long PeakWorkingSet => Cycles.Max(c => c.PeakWorkingSet);

    public long PeakGcHeap => Cycles.Max(c => c.Sampled.GcHeap);

    public bool FullCycleMet => Cycle(CycleKind.FirstFetch).Usage.Wall <= IngestTargets.FullCycle;

    public bool NotModifiedMet => Cycle(CycleKind.NotModified).Usage.Wall <= IngestTargets.AllNotModifiedCycle;

    public bool MemoryMet => PeakWorkingSet <= IngestTargets.PeakWorkingSetBytes;

    public bool CapacityMet => Capacity.Sources >= IngestTargets.CapacitySources;

    public bool ParseMet => Parse.NewsBotOverCodeHollow <= IngestTargets.ParseOverBaseline;

    /// <summary>Every cycle did what it was meant to (right answers from the site, no failed source).</summary>
    public bool Clean => Stores.All(s => s.Cycles.All(c => c.Failed == 0 && c.Polled == Settings.Sources) && s.AdminNotices == 0)
        && (Shared?.Cycles.All(c => c.EachReadOnce(Settings.Sources)) ?? true);
}
