using NewsBot.Benchmarks.Stores;

namespace NewsBot.Benchmarks.Ingest;

/// <summary>The sizes of the <c>ingest</c> scenario, from its command line.</summary>
internal sealed record IngestSettings
{
    public int Sources { get; init; } = 1_000;

    public int Items { get; init; } = 50;

    /// <summary>Fetches at once, overall and (the site being one host) per host.</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>The share of each feed that is new in the fourth cycle; 0 leaves that cycle out.</summary>
    public int NewPercent { get; init; } = 10;

    public bool Gzip { get; init; } = true;

    /// <summary>Distinct words in titles and descriptions; fewer words means more shared words between unrelated items.</summary>
    public int Vocabulary { get; init; } = FeedGenerator.DefaultVocabularySize;

    public int Seed { get; init; } = 20_261_128;

    public StoreSelection Stores { get; init; } = new();

    /// <summary>Instances sharing one PostgreSQL database for the extra cycles; 1 leaves them out.</summary>
    public int Instances { get; init; } = 1;

    /// <summary>Set in the child process that runs the feed site; not for people.</summary>
    public bool Serve { get; init; }

    /// <summary>How many items per source are new in the fourth cycle.</summary>
    public int NewItemsInCycle4 => NewPercent == 0 ? 0 : Math.Max(1, (int)Math.Round(Items * NewPercent / 100.0));

    public static string Usage => $"""
        Usage: {ScenarioDispatcher.Invocation} ingest [options]

        Starts a feed site on 127.0.0.1 in a child process (Kestrel; N sources of M items of
        RSS 2.0, Atom and JSON Feed, each with an ETag, gzip on the wire), points the real poller
        at it (FeedPollingService.PollDueAsync over FeedFetcher, FeedParser, ArticleIngestor and
        LiteDB in a temporary folder, then PostgreSQL in a new database) and times whole polling cycles on a hand-moved clock:
          1. first fetch, every item new (stored as backlog)
          2. nothing changed, every source answers 304
          3. nothing changed, every source sends the same feed again (200, If-None-Match ignored)
          4. a share of every feed is new (--new-percent)
        Then, on the same bytes: CodeHollow.FeedReader alone (the baseline) and NewsBot's parser
        alone, a fetch-only pass, and the scheduler's cost when nothing is due. Prints a Markdown
        table, the derived capacity and one verdict line per target. The site is stopped and the
        temporary folder deleted at the end, also after a failure.

        Options:
          --sources N        feeds on the site (default 1000)
          --items N          items per feed (default 50)
          --concurrency N    fetches at once, overall and per host (default 16, the app's global default)
          --new-percent N    share of each feed that is new in cycle 4; 0 skips cycle 4 (default 10)
          --no-gzip          serve feeds uncompressed
          --vocabulary N     distinct words in the generated text, Zipf-distributed (default 4000, as the commands scenario)
          --seed N           seed of every random choice; the same seed gives the same bytes (default 20261128)
          --instances N      then N instances (2 to 8) on one new PostgreSQL database read the same feeds at once,
                             claiming disjoint sources; compared with one instance on PostgreSQL in the same run
        {StoreSelection.Usage}
          -h, --help         this text

        A quick check: {ScenarioDispatcher.Invocation} ingest --sources 100 --items 20

        """;

    /// <summary>The arguments that start the feed site child with the same feeds.</summary>
    public IEnumerable<string> ChildArguments()
    {
        yield return IngestScenario.Name;
        yield return "--serve";
        foreach (var (name, value) in new[] { ("--sources", Sources), ("--items", Items), ("--seed", Seed), ("--vocabulary", Vocabulary) })
        {
            yield return name;
            yield return value.ToString(CultureInfo.InvariantCulture);
        }

        if (!Gzip)
        {
            yield return "--no-gzip";
        }
    }

    /// <summary>Reads the options; false with a message naming the bad option, or with <paramref name="help"/> set.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out IngestSettings settings, out bool help, out string? error)
    {
        settings = new IngestSettings();
        help = false;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help":
                    help = true;
                    return false;
                case "--no-gzip":
                    settings = settings with { Gzip = false };
                    continue;
                case "--serve":
                    settings = settings with { Serve = true };
                    continue;
            }

            var stores = settings.Stores;
            if (StoreSelection.TryRead(args, ref i, ref stores, out error))
            {
                settings = settings with { Stores = stores };
                if (error is not null)
                {
                    return false;
                }

                continue;
            }

            if (!NumericOption.TryRead(args, ref i, "100", out var name, out var value, out error))
            {
                return false;
            }

            switch (name)
            {
                case "--sources":
                    settings = settings with { Sources = value };
                    break;
                case "--items":
                    settings = settings with { Items = value };
                    break;
                case "--concurrency":
                    settings = settings with { Concurrency = value };
                    break;
                case "--new-percent":
                    settings = settings with { NewPercent = value };
                    break;
                case "--seed":
                    settings = settings with { Seed = value };
                    break;
                case "--vocabulary":
                    settings = settings with { Vocabulary = value };
                    break;
                case "--instances":
                    settings = settings with { Instances = value };
                    break;
                default:
                    error = $"Unknown option {name}. See --help.";
                    return false;
            }
        }

        error = settings.Problem();
        return error is null;
    }

    private string? Problem() =>
        Sources < 1 || Sources > 20_000 ? "--sources must be between 1 and 20000."
        : Items < 1 || Items > 500 ? "--items must be between 1 and 500."
        : Concurrency < 1 || Concurrency > 256 ? "--concurrency must be between 1 and 256."
        : NewPercent < 0 || NewPercent > 100 ? "--new-percent must be between 0 and 100."
        : Vocabulary < 500 || Vocabulary > 200_000 ? "--vocabulary must be between 500 and 200000."
        : Instances < 1 || Instances > 8 ? "--instances must be between 1 and 8."
        : Instances > 1 && !Stores.Stores.Contains(StoreKind.Postgres) ? "--instances needs PostgreSQL: pass --postgres \"<connection string>\" or set NEWSBOT_TEST_POSTGRES, and not --store litedb."
        : Stores.Problem;
}
