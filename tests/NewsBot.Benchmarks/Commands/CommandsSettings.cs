namespace NewsBot.Benchmarks.Commands;

/// <summary>The sizes of the <c>commands</c> scenario, from its command line.</summary>
internal sealed record CommandsSettings
{
    /// <summary>The articles of this run; <see cref="Sizes"/> lists every size asked for.</summary>
    public int Articles { get; init; } = 100_000;

    /// <summary>Each size is measured in turn, on a database of its own.</summary>
    public IReadOnlyList<int> Sizes { get; init; } = [100_000];

    public int Users { get; init; } = 10_000;

    public int BookmarksPerUser { get; init; } = 20;

    public int Iterations { get; init; } = 1_000;

    /// <summary>
    /// Timed calls for the naive /topic and /search, which take hundreds of milliseconds each at
    /// 100,000 articles and ten times that at a million; null: 50 at 100,000 articles or fewer,
    /// fewer as the articles grow (5 at a million).
    /// </summary>
    public int? NaiveSlowIterations { get; init; }

    public int NaiveSlowCalls => NaiveSlowIterations ?? Math.Clamp(5_000_000 / Articles, 5, 50);

    public int VocabularySize { get; init; } = 4_000;

    public int Seed { get; init; } = 20_261_128;

    /// <summary>Where the databases are built once and kept for later runs; null: a temporary folder deleted at the end.</summary>
    public string? DataFolder { get; init; }

    /// <summary>Only the first start-up and the restart are measured, not the commands.</summary>
    public bool StartupOnly { get; init; }

    /// <summary>Whether the first start streams the database file into the file cache ahead of LiteDB, as the app does.</summary>
    public bool WarmFileCache { get; init; } = true;

    public static string Usage => $"""
        Usage: {ScenarioDispatcher.Invocation} commands [options]

        Builds a NewsBot database of synthetic articles and bookmarks in a temporary folder through
        the real storage code, times start-up (open the database, fill the in-memory index), then
        times /latest, /topic, /search, /bookmarks and /read through the real command router, and
        the same answers computed with plain LiteDB queries. Prints a Markdown table and one
        verdict line per target. The temporary folder is deleted at the end, also after a failure.

        The targets depend on the size: at 1,000,000 articles or more, p50 ≤ 1 ms for every command
        but /search, /search p50 ≤ 3 ms, start-up ≤ 15 s and peak working set ≤ 1 GB; below that,
        the 100,000-article targets (start-up ≤ 3 s, 400 MB).

        Options (whole numbers):
          --articles N[,N…]     synthetic articles (default 100000); several sizes, like
                                100000,1000000, are measured one after the other and compared
                                side by side at the end
          --users N             people with bookmarks (default 10000)
          --bookmarks N         bookmarks per person (default 20)
          --iterations N        timed calls per command (default 1000)
          --naive-iterations N  timed calls of the naive /topic and /search, which are slow
                                (default 50 at 100,000 articles, 5 at 1,000,000)
          --vocabulary N        distinct words in titles and summaries (default 4000)
          --seed N              seed of every random choice; the same seed gives the same data (default 20261128)
          --data FOLDER         build each database in FOLDER and keep it; a later run with the same
                                sizes and seed reuses it instead of building it again (a million
                                articles take several minutes to build). Ages are then counted from
                                the first run's clock, so articles look older; the timings do not
                                depend on it.
          --startup-only        time only the first start-up (no index image) and the restart from
                                the image it wrote, not the commands: a minute at a million articles
          --without-file-warm-up  the first start-up without streaming the database file into the
                                file cache ahead of LiteDB (the app does it), to compare
          -h, --help            this text

        A quick check: {ScenarioDispatcher.Invocation} commands --articles 5000 --users 500 --iterations 200

        """;

    /// <summary>Reads the options; false with a message naming the bad option, or with <paramref name="help"/> set.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out CommandsSettings settings, out bool help, out string? error)
    {
        settings = new CommandsSettings();
        help = false;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                help = true;
                return false;
            }

            if (arg is "--startup-only" or "--without-file-warm-up")
            {
                settings = arg == "--startup-only" ? settings with { StartupOnly = true } : settings with { WarmFileCache = false };
                continue;
            }

            if (TryReadText(args, ref i, "--data", "/var/tmp/newsbot-bench", out var data, out error))
            {
                settings = settings with { DataFolder = data };
                continue;
            }

            if (TryReadText(args, ref i, "--articles", "100000,1000000", out var sizes, out error))
            {
                if (!TryReadSizes(sizes!, out var list, out error))
                {
                    return false;
                }

                settings = settings with { Sizes = list, Articles = list[0] };
                continue;
            }

            if (error is not null)
            {
                return false;
            }

            if (!NumericOption.TryRead(args, ref i, "1000", out var name, out var value, out error))
            {
                return false;
            }

            switch (name)
            {
                case "--users":
                    settings = settings with { Users = value };
                    break;
                case "--bookmarks":
                    settings = settings with { BookmarksPerUser = value };
                    break;
                case "--iterations":
                    settings = settings with { Iterations = value };
                    break;
                case "--naive-iterations":
                    settings = settings with { NaiveSlowIterations = value };
                    break;
                case "--vocabulary":
                    settings = settings with { VocabularySize = value };
                    break;
                case "--seed":
                    settings = settings with { Seed = value };
                    break;
                default:
                    error = $"Unknown option {name}. See --help.";
                    return false;
            }
        }

        foreach (var size in settings.Sizes)
        {
            error = (settings with { Articles = size }).Problem();
            if (error is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads <c>--name value</c> or <c>--name=value</c> when the argument at <paramref name="i"/> is
    /// that option; false otherwise, with <paramref name="error"/> set when it is but has no value.
    /// </summary>
    private static bool TryReadText(IReadOnlyList<string> args, ref int i, string option, string example, out string? value, out string? error)
    {
        value = null;
        error = null;
        var arg = args[i];
        if (arg.StartsWith(option + "=", StringComparison.Ordinal))
        {
            value = arg[(option.Length + 1)..];
        }
        else if (arg == option && i + 1 < args.Count)
        {
            value = args[++i];
        }
        else if (arg == option)
        {
            error = $"{option} needs a value, like {option} {example}.";
            return false;
        }
        else
        {
            return false;
        }

        if (value.Length == 0)
        {
            error = $"{option} needs a value, like {option} {example}.";
            return false;
        }

        return true;
    }

    private static bool TryReadSizes(string text, out List<int> sizes, out string? error)
    {
        sizes = [];
        error = null;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size))
            {
                error = $"--articles takes whole numbers separated by commas, like --articles 100000,1000000; '{part}' is not one.";
                return false;
            }

            if (sizes.Contains(size))
            {
                error = $"--articles lists {size} twice.";
                return false;
            }

            sizes.Add(size);
        }

        return true;
    }

    private string? Problem() =>
        Articles < 100 || Articles > 2_000_000 ? "--articles must be between 100 and 2000000."
        : Users < 1 || Users > 1_000_000 ? "--users must be between 1 and 1000000."
        : BookmarksPerUser < 1 || BookmarksPerUser > Articles / 2 ? $"--bookmarks must be between 1 and half the articles ({Articles / 2})."
        : Iterations < 1 || Iterations > 1_000_000 ? "--iterations must be between 1 and 1000000."
        : NaiveSlowIterations < 1 ? "--naive-iterations must be at least 1."
        : VocabularySize < 500 || VocabularySize > 100_000 ? "--vocabulary must be between 500 and 100000."
        : null;
}
