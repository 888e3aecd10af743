using Npgsql;
using Verdict = NewsBot.Storage.Postgres.PostgresKnownArticles.Verdict;

namespace NewsBot.Storage.Postgres;

/// <summary>
/// A batch's adds in one transaction on one connection. Its first add looks up what is stored of
/// every draft the batch was opened for, decides in their order which are new (as adds one after
/// another would), and draws their ids under the change feed's lock; each add then answers from
/// that plan without a round trip, and the commit writes every row in one INSERT. A draft the
/// batch was not opened for is looked up and stored at once, in the same transaction. A unique
/// key another instance stored meanwhile fails the whole batch, which its caller then stores
/// again a source at a time.
/// </summary>
internal sealed class PostgresArticleBatch(PostgresArticleStore store, PostgresDatabase database, IReadOnlyCollection<ArticleDraft> toAdd, IReadOnlySet<int> newSources, IDisposable gate) : IArticleBatch
{
    private readonly PostgresKnownArticles _known = new();
    private readonly Dictionary<string, (Verdict Kind, int? Id)> _planned = new(StringComparer.Ordinal);
    private readonly List<ArticleDraft> _rows = [];
    private readonly List<int> _rowIds = [];
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

        var connection = _connection ?? await OpenAsync(cancellationToken).ConfigureAwait(false);
        var added = new List<Article>();
        var elsewhere = new List<int>();
        var recognised = 0;
        var unplanned = new List<ArticleDraft>();
        foreach (var draft in drafts)
        {
            if (!_planned.Remove(draft.Article.ItemKey, out var plan))
            {
                unplanned.Add(draft);
                continue;
            }

            switch (plan.Kind)
            {
                case Verdict.New:
                    _rows.Add(draft);
                    _rowIds.Add(plan.Id!.Value);
                    added.Add(PostgresArticleStore.ToArticle(plan.Id.Value, draft));
                    break;
                case Verdict.Recognised:
                    recognised++;
                    break;
                case Verdict.Elsewhere:
                    elsewhere.Add(plan.Id!.Value);
                    break;
            }
        }

        if (unplanned.Count > 0)
        {
            var now = await store.AddNewOnceAsync(unplanned, connection, cancellationToken, _known).ConfigureAwait(false);
            added.AddRange(now.Added);
            elsewhere.AddRange(now.SameLinkElsewhere ?? []);
            recognised += now.RecognisedByLinkOrTitle;
        }

        return new AddResult(added, recognised, elsewhere);
    }

    public async ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;
        if (_connection is null || _transaction is null)
        {
            return;
        }

        if (_rows.Count > 0)
        {
            await _connection.ExecuteAsync(ArticleRows.InsertNumbered, cancellationToken, ArticleRows.Values(_rows, [.. _rowIds])).ConfigureAwait(false);
        }

        await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
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

    /// <summary>Begins the transaction, looks up what is stored of the drafts announced, plans them and draws the new ones' ids.</summary>
    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        (_connection, _transaction) = await database.BeginAsync(cancellationToken).ConfigureAwait(false);
        var announced = toAdd.DistinctBy(d => d.Article.ItemKey, StringComparer.Ordinal).ToList();
        await store.LookUpAsync(_known, announced, _connection, cancellationToken, newSources).ConfigureAwait(false);

        var fresh = new List<ArticleDraft>();
        var decisions = new List<PostgresKnownArticles.Decision>(announced.Count);
        foreach (var draft in announced)
        {
            var decision = _known.Decide(draft, fresh.Count);
            if (decision.Kind == Verdict.New)
            {
                fresh.Add(draft);
            }

            decisions.Add(decision);
        }

        // Drawn under the change feed's lock, held to the commit, as every insert's ids are.
        var ids = fresh.Count == 0 ? [] : await _connection.QueryAfterAsync(
            [PostgresCommands.BatchCommand(PostgresArticleStore.LockChangeFeed, PostgresChangeFeed.LockKey)],
            ArticleRows.DrawIds,
            r => r.GetInt32(0),
            cancellationToken,
            fresh.Count).ConfigureAwait(false);
        _known.Stored(fresh, ids);
        for (var i = 0; i < announced.Count; i++)
        {
            var decision = decisions[i];
            _planned[announced[i].Article.ItemKey] = decision.Kind switch
            {
                Verdict.New => (Verdict.New, ids[decision.Fresh]),
                Verdict.Elsewhere => (Verdict.Elsewhere, decision.Id ?? ids[decision.Fresh]),
                _ => (decision.Kind, null),
            };
        }

        return _connection;
    }
}
