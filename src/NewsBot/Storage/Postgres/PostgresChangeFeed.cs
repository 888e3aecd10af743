using NewsBot.Core.Changes;
using Npgsql;

namespace NewsBot.Storage.Postgres;

/// <summary>
/// The change feed in PostgreSQL: the <c>changes</c> table, written by triggers in the same
/// transaction as the change (schema step 3), and a connection that LISTENs on
/// <see cref="Channel"/>, kept open while it works and opened again after it was lost.
/// </summary>
internal sealed class PostgresChangeFeed(PostgresDatabase database) : IChangeFeed, IAsyncDisposable
{
    public const string Channel = "newsbot_changes";

    /// <summary>The advisory lock under which change numbers (and article ids) are drawn ("NewsChng").</summary>
    public const long LockKey = 0x4E_65_77_73_43_68_6E_67;

    public const string ArticlesAdded = "articles_added";
    public const string ArticlesRemoved = "articles_removed";
    public const string Subscriptions = "subscriptions";
    public const string Chats = "chats";

    /// <summary>The state row that holds the number of the newest change pruned.</summary>
    public const string PrunedThroughState = "changes.pruned_through";

    private const string PrunedThrough = $"coalesce((SELECT value::bigint FROM state WHERE name = '{PrunedThroughState}'), 0)";

    // The newest change stays, so the newest number is never lost with the rows.
    private const string Prune = $$"""
        WITH gone AS (
            DELETE FROM changes WHERE number IN (
                SELECT number FROM changes
                WHERE at < clock_timestamp() - $1 * interval '1 second' AND number < (SELECT max(number) FROM changes)
                ORDER BY number LIMIT $2)
            RETURNING number),
        noted AS (
            INSERT INTO state (name, value) SELECT '{{PrunedThroughState}}', max(number)::text FROM gone HAVING count(*) > 0
            ON CONFLICT (name) DO UPDATE SET value = greatest(state.value::bigint, excluded.value::bigint)::text)
        SELECT count(*)::integer FROM gone
        """;

    private NpgsqlConnection? _listener;

    public async ValueTask<long> NewestAsync(CancellationToken cancellationToken) =>
        await database.ScalarAsync<long>($"SELECT greatest(coalesce(max(number), 0), {PrunedThrough}) FROM changes", cancellationToken).ConfigureAwait(false);

    public async ValueTask<int> PruneAsync(TimeSpan age, int limit, CancellationToken cancellationToken)
    {
        // Through the database, so it runs under the retention role's fencing number.
        var deleted = await database.QueryAsync(Prune, r => r.GetInt32(0), cancellationToken, age.TotalSeconds, limit).ConfigureAwait(false);
        return deleted[0];
    }

    public async ValueTask<long> PrunedThroughAsync(CancellationToken cancellationToken) =>
        await database.ScalarAsync<long>("SELECT " + PrunedThrough, cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<StoreChange>> AfterAsync(long number, int limit, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync(
                "SELECT number, kind, ids, keys FROM changes WHERE number > $1 ORDER BY number LIMIT $2",
                r => (Number: r.GetInt64(0), Kind: r.GetString(1), Ids: r.Ints(2), Keys: r.Strings(3)),
                cancellationToken,
                number,
                limit).ConfigureAwait(false);
            return rows.Where(r => KindOf(r.Kind) is not null).Select(r => new StoreChange(r.Number, KindOf(r.Kind)!.Value, r.Ids, r.Keys)).ToList();
        }
    }

    public async Task WaitAsync(TimeSpan longest, CancellationToken cancellationToken)
    {
        if (_listener is not { State: System.Data.ConnectionState.Open })
        {
            await DropListenerAsync().ConfigureAwait(false);
            var listener = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await listener.ExecuteAsync($"LISTEN {Channel}", cancellationToken).ConfigureAwait(false);
            _listener = listener;

            // A change may have committed between the caller's catch-up and LISTEN: look again at once.
            return;
        }

        try
        {
            await _listener.WaitAsync(longest, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or System.IO.IOException or ObjectDisposedException)
        {
            await DropListenerAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await DropListenerAsync().ConfigureAwait(false);

    private async Task DropListenerAsync()
    {
        if (_listener is { } listener)
        {
            _listener = null;
            try
            {
                await listener.DisposeAsync().ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // Gone already.
            }
        }
    }

    private static ChangeKind? KindOf(string kind) => kind switch
    {
        ArticlesAdded => ChangeKind.ArticlesAdded,
        ArticlesRemoved => ChangeKind.ArticlesRemoved,
        Subscriptions => ChangeKind.Subscriptions,
        Chats => ChangeKind.Chats,
        _ => null,
    };
}
