using Npgsql;

namespace NewsBot.Storage.Postgres;

/// <summary>
/// A batch's adds in one transaction on one connection, begun at its first add, which looks up
/// what is stored of every draft the batch was opened for in one round trip; each add is then
/// one round trip (the lock, the ids and the rows), and the commit is the transaction's. A unique key another instance stored meanwhile fails the whole batch, which its
/// caller then stores again a source at a time.
/// </summary>
internal sealed class PostgresArticleBatch(PostgresArticleStore store, PostgresDatabase database, IReadOnlyCollection<ArticleDraft> toAdd, IDisposable gate) : IArticleBatch
{
    private readonly PostgresKnownArticles _known = new();
    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;
    private bool _finished;

    public async ValueTask<AddResult> AddNewAsync(IReadOnlyList<ArticleDraft> drafts, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (drafts.Count == 0)
        {
            return new AddResult([], 0);
        }

        if (_connection is null)
        {
            (_connection, _transaction) = await database.BeginAsync(cancellationToken).ConfigureAwait(false);
            await store.LookUpAsync(_known, toAdd, _connection, cancellationToken).ConfigureAwait(false);
        }

        return await store.AddNewOnceAsync(drafts, _connection, cancellationToken, _known).ConfigureAwait(false);
    }

    public async ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;
        if (_transaction is not null)
        {
            await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _finished = true;
        try
        {
            if (_transaction is not null)
            {
                await _transaction.DisposeAsync().ConfigureAwait(false);
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            gate.Dispose();
        }
    }
}
