using NewsBot.Benchmarks.Stores;

namespace NewsBot.Benchmarks.Fanout;

/// <summary>The sizes of the <c>fanout</c> scenario, from its command line.</summary>
internal sealed record FanoutSettings
{
    public int Chats { get; init; } = 100_000;

    public int Articles { get; init; } = 100;

    /// <summary>Messages sent with the ceilings lifted (the dispatcher's own speed).</summary>
    public int DispatchMessages { get; init; } = 20_000;

    /// <summary>Seconds of sending under Telegram's ceilings.</summary>
    public int PacedSeconds { get; init; } = 20;

    /// <summary>Chats whose pushes the per-story baseline writes; its time is scaled to all chats.</summary>
    public int BaselineChats { get; init; } = 10_000;

    public int VocabularySize { get; init; } = 4_000;

    public int Seed { get; init; } = 20_261_128;

    public StoreSelection Stores { get; init; } = new();

    public static string Usage => $"""
        Usage: {ScenarioDispatcher.Invocation} fanout [options]

        Seeds chats with subscriptions (topics and keyword queries) in a temporary NewsBot
        database (LiteDB, and a copy of it in a new PostgreSQL database), stores one batch of new articles and times the planner matching them and
        writing the outbox; then times the dispatcher sending to a loopback fake platform with the
        ceilings lifted, and under Telegram's ceilings (30/s overall, 1/s per chat, 20/min per
        group) against a fake that answers 429 when one is exceeded. Compares each with a baseline
        measured in the same run and prints a Markdown table and one verdict line per target.

        Options (whole numbers):
          --chats N              chats, each with 1-3 subscriptions (default 100000)
          --articles N           new articles in the batch (default 100)
          --dispatch N           messages sent with the ceilings lifted (default 20000)
          --paced-seconds N      seconds of sending under Telegram's ceilings (default 20)
          --baseline-chats N     chats the per-story baseline writes for, scaled to all (default 10000)
          --vocabulary N         distinct words in titles and summaries (default 4000)
          --seed N               seed of every random choice (default 20261128)
        {StoreSelection.Usage}
          -h, --help             this text

        A quick check: {ScenarioDispatcher.Invocation} fanout --chats 5000 --dispatch 2000 --paced-seconds 5 --baseline-chats 1000

        """;

    public static bool TryParse(IReadOnlyList<string> args, out FanoutSettings settings, out bool help, out string? error)
    {
        settings = new FanoutSettings();
        help = false;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "-h" or "--help")
            {
                help = true;
                return false;
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

            if (!NumericOption.TryRead(args, ref i, "1000", out var name, out var value, out error))
            {
                return false;
            }

            if (value < 1)
            {
                error = $"{name} must be at least 1; got {value}.";
                return false;
            }

            switch (name)
            {
                case "--chats": settings = settings with { Chats = value }; break;
                case "--articles": settings = settings with { Articles = value }; break;
                case "--dispatch": settings = settings with { DispatchMessages = value }; break;
                case "--paced-seconds": settings = settings with { PacedSeconds = value }; break;
                case "--baseline-chats": settings = settings with { BaselineChats = value }; break;
                case "--vocabulary": settings = settings with { VocabularySize = Math.Max(value, 500) }; break;
                case "--seed": settings = settings with { Seed = value }; break;
                default:
                    error = $"Unknown option {name}; see --help.";
                    return false;
            }
        }

        error = settings.Stores.Problem;
        return error is null;
    }
}
