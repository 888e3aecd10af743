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

    public async ValueTask<string?> FindLanguageAsync(UserAddress user, CancellationToken cancellationToken) =>
        await database.FirstOrDefaultAsync("SELECT coalesce(language, '') FROM users WHERE key = $1", r => r.GetString(0), cancellationToken, user.Key).ConfigureAwait(false) is { Length: > 0 } code ? code : null;

    public async ValueTask SetLanguageAsync(UserAddress user, string displayName, string languageCode, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            """
            INSERT INTO users (key, display_name, first_seen, last_seen, language) VALUES ($1, $2, $3, $3, $4)
            ON CONFLICT (key) DO UPDATE SET display_name = excluded.display_name, last_seen = excluded.last_seen, language = excluded.language
            """,
            cancellationToken,
            user.Key,
            displayName,
            Dates.ToStored(now),
            languageCode).ConfigureAwait(false);
}
