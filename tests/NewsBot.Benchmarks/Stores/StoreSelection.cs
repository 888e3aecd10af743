namespace NewsBot.Benchmarks.Stores;

/// <summary>
/// Which stores a scenario measures, from <c>--store litedb|postgres</c> and
/// <c>--postgres "&lt;connection string&gt;"</c>: one store when named, else both when a
/// PostgreSQL server is known (the option, or <c>NEWSBOT_TEST_POSTGRES</c> as the tests use),
/// else LiteDB alone. Both are measured in the same run, LiteDB first.
/// </summary>
internal sealed record StoreSelection
{
    public const string Variable = "NEWSBOT_TEST_POSTGRES";

    public const string Usage = """
          --store litedb|postgres   measure one store only (default: both when a PostgreSQL server is known, else LiteDB)
          --postgres "<conn>"       a PostgreSQL server to measure on, as a connection string of a user who may create
                                    databases (default: $NEWSBOT_TEST_POSTGRES; `eval "$(.ci/postgres start)"` starts one)
        """;

    public StoreKind? Only { get; init; }

    public string? PostgresConnection { get; init; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>The stores to measure, in order; empty only when PostgreSQL alone was asked for without a server (<see cref="Problem"/> says so).</summary>
    public IReadOnlyList<StoreKind> Stores => Only switch
    {
        StoreKind.LiteDb => [StoreKind.LiteDb],
        StoreKind.Postgres => PostgresConnection is null ? [] : [StoreKind.Postgres],
        _ => PostgresConnection is null ? [StoreKind.LiteDb] : [StoreKind.LiteDb, StoreKind.Postgres],
    };

    public string? Problem => Only == StoreKind.Postgres && PostgresConnection is null
        ? $"--store postgres needs a PostgreSQL server: pass --postgres \"<connection string>\" or set {Variable} (eval \"$(.ci/postgres start)\" starts one)."
        : null;

    /// <summary>Reads <c>--store</c> or <c>--postgres</c> at <paramref name="i"/>; false when the argument is neither (left for the caller).</summary>
    public static bool TryRead(IReadOnlyList<string> args, ref int i, ref StoreSelection selection, out string? error)
    {
        error = null;
        var arg = args[i];
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        var name = equals > 0 ? arg[..equals] : arg;
        if (name is not ("--store" or "--postgres"))
        {
            return false;
        }

        string? value = equals > 0 ? arg[(equals + 1)..] : i + 1 < args.Count ? args[++i] : null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = name == "--store" ? "--store needs litedb or postgres." : "--postgres needs a connection string, like --postgres \"Host=127.0.0.1;Username=postgres;Password=…\".";
            return true;
        }

        if (name == "--postgres")
        {
            selection = selection with { PostgresConnection = value };
            return true;
        }

        StoreKind? only = value.ToLowerInvariant() switch
        {
            "litedb" => StoreKind.LiteDb,
            "postgres" or "postgresql" => StoreKind.Postgres,
            _ => null,
        };
        if (only is null)
        {
            error = $"--store must be litedb or postgres, not '{value}'.";
            return true;
        }

        selection = selection with { Only = only };
        return true;
    }
}
