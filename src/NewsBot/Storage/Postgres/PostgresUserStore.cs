namespace NewsBot.Storage.Postgres;

internal sealed class PostgresUserStore(PostgresDatabase database) : IUserStore
{
    public async ValueTask TouchAsync(UserAddress user, string displayName, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            """
            INSERT INTO users (key, display_name, first_seen, last_seen) VALUES ($1, $2, $3, $3)
            ON CONFLICT (key) DO UPDATE SET display_name = excluded.display_name, last_seen = excluded.last_seen
            """,
            cancellationToken,
            user.Key,
            displayName,
            Dates.ToStored(now)).ConfigureAwait(false);
}
