
namespace NewsBot.Storage.Postgres;

/// <summary>
/// Role leases in the <c>role_leases</c> table, timed by the server's clock. Taking a free or
/// expired role, or renewing one's own, is one statement; the fencing number grows only when the
/// owner changes.
/// </summary>
internal sealed class PostgresRoleLeases(PostgresDatabase database) : IRoleLeases
{
    private const string Acquire = """
        INSERT INTO role_leases AS l (role, owner, fence, expires_at, acquired_at, renewed_at)
        VALUES ($1, $2, 1, clock_timestamp() + $3 * interval '1 millisecond', clock_timestamp(), clock_timestamp())
        ON CONFLICT (role) DO UPDATE SET
            owner = excluded.owner,
            fence = CASE WHEN l.owner = excluded.owner THEN l.fence ELSE l.fence + 1 END,
            acquired_at = CASE WHEN l.owner = excluded.owner THEN l.acquired_at ELSE excluded.acquired_at END,
            expires_at = excluded.expires_at,
            renewed_at = excluded.renewed_at
        WHERE l.owner = excluded.owner OR l.expires_at <= clock_timestamp()
        RETURNING fence
        """;

    public bool Shared => true;

    public async ValueTask<RoleLease?> AcquireAsync(string role, string owner, TimeSpan duration, DateTimeOffset validUntil, CancellationToken cancellationToken)
    {
        // Straight on a connection: asking for a role is never itself fenced by another.
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var granted = await connection.QueryAsync(Acquire, r => r.GetInt64(0), cancellationToken, role, owner, (long)duration.TotalMilliseconds).ConfigureAwait(false);
            return granted is [var fence] ? new RoleLease(role, owner, fence, validUntil) : null;
        }
    }

    public async ValueTask<TimeSpan?> FreeInAsync(string role, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var left = await connection.QueryAsync(
                "SELECT (extract(epoch FROM expires_at - clock_timestamp()) * 1000)::bigint FROM role_leases WHERE role = $1 AND expires_at > clock_timestamp()",
                r => r.GetInt64(0),
                cancellationToken,
                role).ConfigureAwait(false);
            return left is [var milliseconds] ? TimeSpan.FromMilliseconds(milliseconds) : null;
        }
    }

    public async ValueTask ForgetAsync(string role, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync("DELETE FROM role_leases WHERE role = $1 AND expires_at <= clock_timestamp()", cancellationToken, role).ConfigureAwait(false);
        }
    }

    public async ValueTask ReleaseAsync(string role, string owner, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync("UPDATE role_leases SET expires_at = clock_timestamp() WHERE role = $1 AND owner = $2", cancellationToken, role, owner).ConfigureAwait(false);
        }
    }

    public async ValueTask<IReadOnlyList<RoleHolder>> HoldersAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.QueryAsync(
                "SELECT role, owner, fence, expires_at, expires_at <= clock_timestamp() FROM role_leases ORDER BY role",
                r => new RoleHolder(r.GetString(0), r.GetString(1), r.GetInt64(2), r.Date(3), r.GetBoolean(4)),
                cancellationToken).ConfigureAwait(false);
        }
    }
}
