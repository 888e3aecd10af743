using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace NewsBot.Storage.Postgres;

/// <summary>
/// The PostgreSQL database behind every store: one pooled data source for the process, and the
/// schema, brought up to date before the first command (<see cref="PostgresSchema"/>). Making it
/// does no I/O; the host prepares the schema at start (<see cref="PostgresSchemaService"/>), and
/// a command line verb that uses a store without starting the host gets it prepared on first use.
/// Writes made for a role (<see cref="RoleContext"/>) carry its fencing number: each runs after
/// <c>newsbot_fence</c> in one transaction, and is refused with a <see cref="RoleLostException"/>
/// once another instance holds the role.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _connectionString;
    private readonly IReadOnlyList<PostgresMigration> _migrations;
    private readonly ILogger _logger;
    private readonly RoleContext? _roles;
    private readonly Lock _gate = new();
    private Task? _schema;

    public PostgresDatabase(string connectionString, ILogger<PostgresDatabase>? logger = null, RoleContext? roles = null)
        : this(connectionString, PostgresMigrations.All, logger, roles)
    {
    }

    /// <exception cref="DatabaseUnavailableException">The connection string cannot be used (the message names the setting).</exception>
    internal PostgresDatabase(string connectionString, IReadOnlyList<PostgresMigration> migrations, ILogger? logger, RoleContext? roles = null)
    {
        _roles = roles;
        if (PostgresConnectionString.Check(connectionString) is { } problem)
        {
            throw new DatabaseUnavailableException(problem);
        }

        _connectionString = connectionString;
        _migrations = migrations;
        _logger = logger ?? NullLogger.Instance;
        Where = PostgresConnectionString.Describe(connectionString);
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName))
        {
            builder.ConnectionStringBuilder.ApplicationName = "newsbot";
        }

        _dataSource = builder.Build();
    }

    /// <summary>Server, port, database and user, for messages: never the password.</summary>
    public string Where { get; }

    /// <summary>The schema version once <see cref="EnsureSchemaAsync"/> has succeeded; 0 before.</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>
    /// Creates or migrates the schema, once per process; callers after the first wait for the
    /// same work. A failed attempt is not kept: the next call tries again.
    /// </summary>
    /// <exception cref="DatabaseUnavailableException">The server cannot be reached, refuses the login, or holds a newer schema.</exception>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        Task schema;
        lock (_gate)
        {
            if (_schema is null || _schema.IsFaulted || _schema.IsCanceled)
            {
                _schema = PrepareAsync();
            }

            schema = _schema;
        }

        return schema.IsCompletedSuccessfully ? Task.CompletedTask : schema.WaitAsync(cancellationToken);
    }

    /// <summary>An open pooled connection, on a prepared schema; dispose it to hand it back.</summary>
    public async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>For the few ports that are synchronous (figures read while metrics are scraped, digest reads).</summary>
    public NpgsqlConnection Open()
    {
        EnsureSchemaAsync(CancellationToken.None).GetAwaiter().GetResult();
        return _dataSource.OpenConnection();
    }

    /// <summary>The lease the current work writes for, when it is one that others could take over.</summary>
    private RoleLease? Fence => _roles?.Current is { Permanent: false } lease ? lease : null;

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (Fence is { } lease)
            {
                // One round trip, one implicit transaction: the check and the write stand or fall together.
                var batch = new NpgsqlBatch(connection);
                await using (batch.ConfigureAwait(false))
                {
                    batch.BatchCommands.Add(PostgresFence.Command(lease));
                    batch.BatchCommands.Add(PostgresCommands.BatchCommand(sql, values));
                    await FencedAsync(lease, () => batch.ExecuteNonQueryAsync(cancellationToken)).ConfigureAwait(false);
                    return (int)batch.BatchCommands[1].Rows;
                }
            }

            await using var command = connection.Sql(sql, values);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The same statement once for each row of values, in one round trip and one implicit transaction.</summary>
    public async Task ExecuteAllAsync(string sql, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var batch = new NpgsqlBatch(connection);
            await using (batch.ConfigureAwait(false))
            {
                var lease = Fence;
                if (lease is not null)
                {
                    batch.BatchCommands.Add(PostgresFence.Command(lease));
                }

                foreach (var values in rows)
                {
                    batch.BatchCommands.Add(PostgresCommands.BatchCommand(sql, values));
                }

                if (lease is null)
                {
                    await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await FencedAsync(lease, () => batch.ExecuteNonQueryAsync(cancellationToken)).ConfigureAwait(false);
                }
            }
        }
    }

    public async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = connection.Sql(sql, values);
            return (T)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }

    public Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params object?[] values) =>
        QueryAfterAsync([], sql, map, cancellationToken, values);

    /// <summary>
    /// The rows of <paramref name="sql"/>, run after the statements in <paramref name="first"/>
    /// (whose results are not read), all in one round trip and one implicit transaction.
    /// </summary>
    public async Task<List<T>> QueryAfterAsync<T>(IReadOnlyList<NpgsqlBatchCommand> first, string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params object?[] values)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var lease = Fence;
            if (lease is null && first.Count == 0)
            {
                return await connection.QueryAsync(sql, map, cancellationToken, values).ConfigureAwait(false);
            }

            var batch = new NpgsqlBatch(connection);
            await using (batch.ConfigureAwait(false))
            {
                if (lease is not null)
                {
                    batch.BatchCommands.Add(PostgresFence.Command(lease));
                }

                foreach (var command in first)
                {
                    batch.BatchCommands.Add(command);
                }

                batch.BatchCommands.Add(PostgresCommands.BatchCommand(sql, values));
                var reader = await FencedAsync(lease, () => batch.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    for (var skipped = 1; skipped < batch.BatchCommands.Count; skipped++)
                    {
                        await FencedAsync(lease, () => reader.NextResultAsync(cancellationToken)).ConfigureAwait(false);
                    }

                    var rows = new List<T>();
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        rows.Add(map(reader));
                    }

                    return rows;
                }
            }
        }
    }

    public async Task<T?> FirstOrDefaultAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params object?[] values)
        where T : class =>
        (await QueryAsync(sql, map, cancellationToken, values).ConfigureAwait(false)) is [var first, ..] ? first : null;

    /// <summary>The rows one at a time, read from the server as the caller asks for them.</summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(string sql, Func<NpgsqlDataReader, T> map, [EnumeratorCancellation] CancellationToken cancellationToken, params object?[] values)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = connection.Sql(sql, values);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return map(reader);
                }
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: committed when it returns, rolled back when it throws.</summary>
    public async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await BeginAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        await using (transaction.ConfigureAwait(false))
        {
            var result = await work(connection, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
    }

    /// <summary>
    /// An open connection in a transaction begun and, for work another instance could take
    /// over, fenced: for work that spans several calls. The caller commits, then disposes both
    /// (disposing without a commit rolls back).
    /// </summary>
    public async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction)> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (Fence is { } lease)
                {
                    await PostgresFence.CheckAsync(connection, lease, cancellationToken).ConfigureAwait(false);
                }

                return (connection, transaction);
            }
            catch
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> map, params object?[] values)
    {
        using var connection = Open();
        using var command = connection.Sql(sql, values);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static async Task<TResult> FencedAsync<TResult>(RoleLease? lease, Func<Task<TResult>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (PostgresException ex) when (lease is not null && PostgresFence.IsRefusal(ex))
        {
            throw RoleLostException.For(lease, ex);
        }
    }

    public async ValueTask DisposeAsync() => await _dataSource.DisposeAsync().ConfigureAwait(false);

    public void Dispose() => _dataSource.Dispose();

    private async Task PrepareAsync()
    {
        (int Before, int After) versions;
        try
        {
            versions = await PostgresSchema.MigrateAsync(_dataSource, _migrations, Where, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (PostgresErrors.IsConnectionProblem(ex))
        {
            throw PostgresErrors.Unavailable(ex, Where, _connectionString);
        }

        SchemaVersion = versions.After;
        if (versions.Before == versions.After)
        {
            _logger.LogSchemaCurrent(Where, versions.After);
        }
        else if (versions.Before == 0)
        {
            _logger.LogSchemaCreated(Where, versions.After);
        }
        else
        {
            _logger.LogSchemaMigrated(Where, versions.Before, versions.After);
        }
    }
}
