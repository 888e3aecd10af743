namespace NewsBot.Storage.Postgres;

/// <summary>Named values in the <c>state</c> table. "schema" stays refused, as in LiteDB, where it holds the schema version.</summary>
internal sealed class PostgresStateStore(PostgresDatabase database) : IStateStore
{
    private const string ReservedName = "schema";

    public async ValueTask<string?> GetAsync(string name, CancellationToken cancellationToken) =>
        (await database.QueryAsync("SELECT value FROM state WHERE name = $1", r => r.GetString(0), cancellationToken, Check(name)).ConfigureAwait(false)) is [var value] ? value : null;

    public async ValueTask SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        await database.ExecuteAsync(
            "INSERT INTO state (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            cancellationToken,
            Check(name),
            value).ConfigureAwait(false);
    }

    private static string Check(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (string.Equals(name, ReservedName, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("The schema version is not a state value.", nameof(name));
        }

        return name;
    }
}
