using Npgsql;

namespace NewsBot.Storage.Postgres;

/// <summary>
/// The check that makes a write count only while its role is held: <c>newsbot_fence</c> runs
/// first in the write's transaction and raises <see cref="RefusedState"/> when the role's
/// fencing number has moved on, which becomes a <see cref="RoleLostException"/>.
/// </summary>
internal static class PostgresFence
{
    /// <summary>The SQLSTATE newsbot_fence raises.</summary>
    public const string RefusedState = "NBF01";

    public const string Check = "SELECT newsbot_fence($1, $2, $3)";

    public static NpgsqlBatchCommand Command(RoleLease lease) => PostgresCommands.BatchCommand(Check, lease.Role, lease.Owner, lease.Fence);

    public static async Task CheckAsync(NpgsqlConnection connection, RoleLease lease, CancellationToken cancellationToken)
    {
        await using var command = connection.Sql(Check, lease.Role, lease.Owner, lease.Fence);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == RefusedState)
        {
            throw RoleLostException.For(lease, ex);
        }
    }

    public static bool IsRefusal(Exception exception) => exception is PostgresException { SqlState: RefusedState };
}
