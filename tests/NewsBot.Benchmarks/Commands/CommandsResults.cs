namespace NewsBot.Benchmarks.Commands;

/// <summary>What a command must achieve: latency ceilings and, for search, a speed-up over the naive query.</summary>
internal sealed record CommandTarget(double P50Ms, double P99Ms, double? MinSpeedup = null);

/// <summary>
/// What each size must achieve. At a million articles or more the lists and the card must stay
/// as fast as at 100,000 and search nearly so, with start-up and memory growing less than the
/// data; below that, the targets set for 100,000 articles.
/// </summary>
internal sealed record Targets(string Name, double StartupSeconds, long PeakWorkingSetBytes, IReadOnlyDictionary<CommandKind, CommandTarget> Commands)
{
    public const int LargeArticles = 1_000_000;

    public static readonly Targets Standard = new(
        "100,000 articles",
        3,
        400_000_000,
        new Dictionary<CommandKind, CommandTarget>
        {
            [CommandKind.Latest] = new(1, 20),
            [CommandKind.Topic] = new(2, 20),
            [CommandKind.Search] = new(5, 20, 50),
            [CommandKind.SearchOperators] = new(5, 20),
            [CommandKind.Bookmarks] = new(2, 20),
            [CommandKind.Read] = new(1, 20),
        });

    public static readonly Targets Large = new(
        "1,000,000 articles",
        15,
        1_000_000_000,
        new Dictionary<CommandKind, CommandTarget>
        {
            [CommandKind.Latest] = new(1, 20),
            [CommandKind.Topic] = new(1, 20),
            [CommandKind.Search] = new(3, 20, 50),
            [CommandKind.SearchOperators] = new(3, 20),
            [CommandKind.Bookmarks] = new(1, 20),
            [CommandKind.Read] = new(1, 20),
        });

    public static Targets ForSize(int articles) => articles >= LargeArticles ? Large : Standard;

    public CommandTarget For(CommandKind kind) => Commands[kind];
}

internal sealed record CommandResult(
    CommandKind Kind,
    LatencySummary NewsBot,
    LatencySummary Naive,
    int NaiveCalls,
    CommandTarget Target,
    int Problems,
    string? FirstProblem)
{
    /// <summary>How many times slower the naive query is, at the median.</summary>
    public double Speedup => Naive.P50Ms / NewsBot.P50Ms;

    public bool P50Met => NewsBot.P50Ms <= Target.P50Ms;

    public bool P99Met => NewsBot.P99Ms <= Target.P99Ms;

    public bool SpeedupMet => Target.MinSpeedup is not { } min || Speedup >= min;

    public bool Met => P50Met && P99Met && SpeedupMet && Problems == 0;
}

internal sealed record StartupResult(TimeSpan Open, TimeSpan Fill, int Indexed)
{
    public TimeSpan Total => Open + Fill;
}

/// <summary>How LiteDB ran the naive queries, from its query plans.</summary>
internal sealed record NaivePlans(string Topic, string Search);

/// <summary>Everything one run of the scenario measured.</summary>
internal sealed record CommandsRun(
    CommandsSettings Settings,
    int VocabularySize,
    double VocabularyExponent,
    SeedResult Seed,
    StartupResult Startup,
    TimeSpan ImageWrite,
    long ImageBytes,
    MemorySnapshot AfterStartup,
    long LiveManagedAfterStartup,
    MemorySnapshot BeforeCommands,
    MemorySnapshot AfterCommands,
    IReadOnlyList<(string Phase, MemorySnapshot Memory)> MemoryTimeline,
    bool PeakWasReset,
    long PeakOfBuild,
    IReadOnlyList<CommandResult> Commands,
    IReadOnlyList<(string Matches, LatencySummary Latency)> SearchByMatches,
    IReadOnlyList<(string Shape, LatencySummary Latency)> OperatorsByShape,
    LatencySummary FirstMessages,
    TimeSpan TopicIndexTime,
    bool TopicIndexDropped,
    NaivePlans Plans,
    IReadOnlyList<string> CrossChecks,
    MachineInfo Machine,
    string? LoadAtEnd)
{
    /// <summary>Start-up repeated step by step after the run; null until measured.</summary>
    public StartupParts? StartupParts { get; init; }

    /// <summary>Start-up again with the index image; null until measured.</summary>
    public ImageStartups? Images { get; init; }

    /// <summary>Start-up as at a restart: with the image written at the last stop (the first start-up until that is measured).</summary>
    public TimeSpan Restart => Images?.Restart.Time.Total ?? Startup.Total;

    /// <summary>The peak working set of start-up and the NewsBot commands (before the naive baseline ran).</summary>
    public long PeakWorkingSet => AfterCommands.PeakWorkingSet;

    public Targets Targets => Targets.ForSize(Settings.Articles);

    /// <summary>The first start, with no index image: every article read from the store.</summary>
    public bool FirstStartupMet => Startup.Total.TotalSeconds <= Targets.StartupSeconds;

    public bool StartupMet => Restart.TotalSeconds <= Targets.StartupSeconds;

    // Without the reset the peak also covers building the database: it can only overstate.
    public bool MemoryMet => PeakWorkingSet <= Targets.PeakWorkingSetBytes;
}
