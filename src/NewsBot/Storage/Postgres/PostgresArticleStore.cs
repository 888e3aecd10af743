using Npgsql;

namespace NewsBot.Storage.Postgres;

internal sealed class PostgresArticleStore(PostgresDatabase database) : IArticleStore, IDisposable
{
    internal const string Columns =
        "id, url, item_key, title, summary, author, source_id, source_name, published_at, ingested_at, topics, image_url, is_new, story_id, also_in";

    // Another instance may store the same link between this one's check and its insert; the
    // unique index refuses the second, and the batch is checked again against what is there now.
    private const int Attempts = 3;

    /// <summary>Taken before ids are drawn, held to the commit (see <see cref="AddNewOnceAsync"/>).</summary>
    internal const string LockChangeFeed = "SELECT pg_advisory_xact_lock($1)";

    private readonly BatchGate _batches = new();

    public async ValueTask<AddResult> AddNewAsync(IReadOnlyList<ArticleDraft> drafts, CancellationToken cancellationToken)
    {
        if (drafts.Count == 0)
        {
            return new AddResult([], 0);
        }

        using var entered = await _batches.EnterAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AddNewOnceAsync(drafts, inTransaction: null, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && attempt < Attempts)
            {
            }
        }
    }

    public async ValueTask<IArticleBatch> BeginBatchAsync(IReadOnlyCollection<ArticleDraft> toAdd, IReadOnlySet<int> newSources, CancellationToken cancellationToken) =>
        new PostgresArticleBatch(this, database, toAdd, newSources, await _batches.EnterAsync(cancellationToken).ConfigureAwait(false));

    public async ValueTask<IReadOnlyList<int>> DeleteOlderThanAsync(DateTimeOffset cutoff, IReadOnlySet<string> keep, CancellationToken cancellationToken)
    {
        var deleted = await database.QueryAsync(
            "DELETE FROM articles WHERE published_at < $1 AND NOT (item_key = ANY($2)) RETURNING id, published_at",
            r => (Id: r.GetInt32(0), PublishedAt: r.GetFieldValue<DateTime>(1)),
            cancellationToken,
            Dates.ToStored(cutoff),
            keep.ToArray()).ConfigureAwait(false);
        return deleted.OrderBy(d => d.PublishedAt).ThenBy(d => d.Id).Select(d => d.Id).ToList();
    }

    public async ValueTask<Article?> GetAsync(int id, CancellationToken cancellationToken) =>
        await database.FirstOrDefaultAsync($"SELECT {Columns} FROM articles WHERE id = $1", ToArticle, cancellationToken, id).ConfigureAwait(false);

    public async ValueTask AddAlsoInAsync(int id, string sourceName, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE articles SET also_in = array_append(also_in, $2) WHERE id = $1 AND NOT ($2 = ANY(also_in))",
            cancellationToken, id, sourceName).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<Article>> StoryMembersAsync(int leadId, CancellationToken cancellationToken) =>
        await database.QueryAsync($"SELECT {Columns} FROM articles WHERE story_id = $1 ORDER BY published_at, id", ToArticle, cancellationToken, leadId).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<Article>> GetManyAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var found = (await database.QueryAsync($"SELECT {Columns} FROM articles WHERE id = ANY($1)", ToArticle, cancellationToken, ids.ToArray()).ConfigureAwait(false))
            .ToDictionary(a => a.Id);
        var result = new List<Article>(ids.Count);
        foreach (var id in ids)
        {
            if (found.TryGetValue(id, out var article))
            {
                result.Add(article);
            }
        }

        return result;
    }

    public IAsyncEnumerable<Article> ReadAllAsync(CancellationToken cancellationToken) =>
        database.StreamAsync($"SELECT {Columns} FROM articles ORDER BY id", ToArticle, cancellationToken);

    public async ValueTask<int> CountAsync(CancellationToken cancellationToken) =>
        (int)await database.ScalarAsync<long>("SELECT count(*) FROM articles", cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Checks the drafts against what is stored (and, for a batch, what it stored before) and
    /// stores the new ones. Two round trips: the lookup, then the ids and the inserts in one
    /// implicit transaction, or in the transaction of <paramref name="inTransaction"/> (a
    /// batch's, whose <paramref name="known"/> holds the keys it looked up and stored before:
    /// only drafts it did not look up yet are looked up).
    /// </summary>
    internal async Task<AddResult> AddNewOnceAsync(IReadOnlyList<ArticleDraft> drafts, NpgsqlConnection? inTransaction, CancellationToken cancellationToken, PostgresKnownArticles? known = null)
    {
        known ??= new PostgresKnownArticles();
        await LookUpAsync(known, known.NotLookedUp(drafts), inTransaction, cancellationToken).ConfigureAwait(false);
        var (fresh, elsewhere, recognised) = known.Plan(drafts);
        if (fresh.Count == 0)
        {
            return new AddResult([], recognised, elsewhere.Select(e => e.Id!.Value).ToList());
        }

        // Ids are drawn under the change feed's lock, held to the commit: articles become visible
        // in the order of their ids, so whoever plans "everything after id N" never skips one
        // that another instance committed late. The lock, the ids and the rows go in one round
        // trip (a batch's transaction takes the lock again, which holds it no longer).
        NpgsqlBatchCommand[] locked = [PostgresCommands.BatchCommand(LockChangeFeed, PostgresChangeFeed.LockKey)];
        var ids = inTransaction is null
            ? await database.QueryAfterAsync(locked, ArticleRows.Insert, r => r.GetInt32(0), cancellationToken, ArticleRows.Values(fresh)).ConfigureAwait(false)
            : await inTransaction.QueryAfterAsync(locked, ArticleRows.Insert, r => r.GetInt32(0), cancellationToken, ArticleRows.Values(fresh)).ConfigureAwait(false);
        ids.Sort();
        known.Stored(fresh, ids);
        var added = fresh.Select((draft, i) => ToArticle(ids[i], draft)).ToList();
        return new AddResult(added, recognised, elsewhere.Select(e => e.Id ?? ids[e.Fresh]).ToList());
    }

    /// <summary>Reads the stored articles the drafts may repeat into <paramref name="known"/>, in one round trip.</summary>
    /// <param name="newSources">Sources with nothing stored: their drafts are looked up by link only.</param>
    internal async Task LookUpAsync(PostgresKnownArticles known, IReadOnlyCollection<ArticleDraft> drafts, NpgsqlConnection? inTransaction, CancellationToken cancellationToken, IReadOnlySet<int>? newSources = null)
    {
        if (drafts.Count == 0)
        {
            return;
        }

        var values = known.LookupValues(drafts, newSources);
        _ = inTransaction is null
            ? await database.QueryAsync(PostgresKnownArticles.Lookup, known.Add, cancellationToken, values).ConfigureAwait(false)
            : await inTransaction.QueryAsync(PostgresKnownArticles.Lookup, known.Add, cancellationToken, values).ConfigureAwait(false);
    }

    // What a read returns: times to the millisecond, as the LiteDB store keeps them.
    internal static Article ToArticle(int id, ArticleDraft d) => d.Article with
    {
        Id = id,
        PublishedAt = Dates.FromStored(Dates.ToStored(d.Article.PublishedAt)),
        IngestedAt = Dates.FromStored(Dates.ToStored(d.Article.IngestedAt)),
        Topics = [.. d.Article.Topics],
    };

    internal static Article ToArticle(NpgsqlDataReader r) => new(
        r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.NullableString(5), r.GetInt32(6), r.GetString(7),
        r.Date(8), r.Date(9), r.Strings(10), r.NullableString(11), r.GetBoolean(12))
    {
        StoryId = r.GetInt32(13),
        AlsoIn = r.Strings(14),
    };

    public void Dispose() => _batches.Dispose();
}
