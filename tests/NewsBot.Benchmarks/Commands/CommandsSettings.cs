using System.Globalization;

namespace NewsBot.Benchmarks.Commands;

/// <summary>The sizes of the <c>commands</c> scenario, from its command line.</summary>
internal sealed record CommandsSettings
{
    public int Articles { get; init; } = 100_000;

    public int Users { get; init; } = 10_000;

    public int BookmarksPerUser { get; init; } = 20;

    public int Iterations { get; init; } = 1_000;

    /// <summary>Timed calls for the naive /topic and /search, which take hundreds of milliseconds each at full size.</summary>
    public int NaiveSlowIterations { get; init; } = 50;

    public int VocabularySize { get; init; } = 4_000;

    public int Seed { get; init; } = 20_261_128;

    public static string Usage => $"""
        Usage: {ScenarioDispatcher.Invocation} commands [options]

        Builds a NewsBot database of synthetic articles and bookmarks in a temporary folder through
        the real storage code, times start-up (open the database, fill the in-memory index), then
        times /latest, /topic, /search, /bookmarks and /read through the real command router, and
        the same answers computed with plain LiteDB queries. Prints a Markdown table and one
        verdict line per target. The temporary folder is deleted at the end, also after a failure.

        Options (whole numbers):
          --articles N          synthetic articles (default 100000)
          --users N             people with bookmarks (default 10000)
          --bookmarks N         bookmarks per person (default 20)
          --iterations N        timed calls per command (default 1000)
          --naive-iterations N  timed calls of the naive /topic and /search, which are slow (default 50)
          --vocabulary N        distinct words in titles and summaries (default 4000)
          --seed N              seed of every random choice; the same seed gives the same data (default 20261128)
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

            if (!NumericOption.TryRead(args, ref i, "1000", out var name, out var value, out error))
            {
                return false;
            }

            switch (name)
            {
                case "--articles":
                    settings = settings with { Articles = value };
                    break;
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

        error = settings.Problem();
        return error is null;
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
