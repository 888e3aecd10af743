namespace NewsBot.Benchmarks.Stores;

/// <summary>The databases a scenario can measure the bot on.</summary>
internal enum StoreKind
{
    LiteDb,
    Postgres,
}

internal static class StoreKinds
{
    public static string Label(this StoreKind store) => store == StoreKind.Postgres ? "PostgreSQL" : "LiteDB";
}
