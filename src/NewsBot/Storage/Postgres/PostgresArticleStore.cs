using Npgsql;

namespace NewsBot.Storage.Postgres;

internal sealed class PostgresArticleStore(PostgresDatabase database) : IArticleStore, IDisposable
{
    internal const string Columns =
        "id, url, item_key, title, summary, author, source_id, source_name, published_at, ingested_at, topics, image_url, is_new, story_id, also_in";

    // Another instance may store the same link between this one's check and its insert; the
    // unique index refuses the second, and the batch is checked again against what is there now.
    private const int Attempts = 3;

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

    public async ValueTask<IArticleBatch> BeginBatchAsync(CancellationToken cancellationToken) =>
        new PostgresArticleBatch(this, database, await _batches.EnterAsync(cancellationToken).ConfigureAwait(false));

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
    /// The same checks as the LiteDB store, in the same order, against what is stored and what
    /// this batch has added before: item key, then link, then title key. Two round trips: the
    /// lookup, then the ids and the inserts in one implicit transaction, or in the transaction
    /// of <paramref name="inTransaction"/> (a batch's), whose earlier inserts the lookup sees.
    /// </summary>
    internal async Task<AddResult> AddNewOnceAsync(IReadOnlyList<ArticleDraft> drafts, NpgsqlConnection? inTransaction, CancellationToken cancellationToken)
    {
        const string Lookup = "SELECT id, url, item_key, title_key, source_id, also_in FROM articles WHERE item_key = ANY($1) OR url = ANY($2) OR title_key = ANY($3)";
        var keys = new object?[] { drafts.Select(d => d.Article.ItemKey).ToArray(), drafts.Select(d => d.Article.Url).ToArray(), drafts.Select(d => d.TitleKey).ToArray() };
        var known = inTransaction is null
            ? await database.QueryAsync(Lookup, ToKnown, cancellationToken, keys).ConfigureAwait(false)
            : await inTransaction.QueryAsync(Lookup, ToKnown, cancellationToken, keys).ConfigureAwait(false);

        var itemKeys = known.Select(k => k.ItemKey).ToHashSet(StringComparer.Ordinal);
        var titleKeys = known.Select(k => k.TitleKey).ToHashSet(StringComparer.Ordinal);
        var byUrl = new Dictionary<string, Known>(StringComparer.Ordinal);
        foreach (var row in known)
        {
            byUrl.TryAdd(row.Url, row);
        }

        // Drafts to store, and the links repeated elsewhere, as positions in that list until the ids are drawn.
        var fresh = new List<ArticleDraft>();
        var elsewhere = new List<(int? Id, int Fresh)>();
        var recognised = 0;
        foreach (var draft in drafts)
        {
            if (itemKeys.Contains(draft.Article.ItemKey))
            {
                continue;
            }

            byUrl.TryGetValue(draft.Article.Url, out var sameUrl);
            if (sameUrl is not null || titleKeys.Contains(draft.TitleKey))
            {
                if (sameUrl is null || sameUrl.SourceId == draft.Article.SourceId)
                {
                    recognised++;
                }
                else if (!sameUrl.AlsoIn.Contains(draft.Article.SourceName))
                {
                    elsewhere.Add((sameUrl.Fresh >= 0 ? null : sameUrl.Id, sameUrl.Fresh));
                }

                continue;
            }

            itemKeys.Add(draft.Article.ItemKey);
            titleKeys.Add(draft.TitleKey);
            byUrl.Add(draft.Article.Url, new Known(0, draft.Article.Url, draft.Article.ItemKey, draft.TitleKey, draft.Article.SourceId, []) { Fresh = fresh.Count });
            fresh.Add(draft);
        }

        if (fresh.Count == 0)
        {
            return new AddResult([], recognised, elsewhere.Select(e => e.Id!.Value).ToList());
        }

        // Ids are drawn under the change feed's lock, held to the commit: articles become visible
        // in the order of their ids, so whoever plans "everything after id N" never skips one
        // that another instance committed late. The lock, the ids and the rows go in one round
        // trip (a batch's transaction takes the lock again, which holds it no longer).
        NpgsqlBatchCommand[] locked = [PostgresCommands.BatchCommand("SELECT pg_advisory_xact_lock($1)", PostgresChangeFeed.LockKey)];
        var ids = inTransaction is null
            ? await database.QueryAfterAsync(locked, ArticleRows.Insert, r => r.GetInt32(0), cancellationToken, ArticleRows.Values(fresh)).ConfigureAwait(false)
            : await inTransaction.QueryAfterAsync(locked, ArticleRows.Insert, r => r.GetInt32(0), cancellationToken, ArticleRows.Values(fresh)).ConfigureAwait(false);
        ids.Sort();
        var added = fresh.Select((draft, i) => ToArticle(ids[i], draft)).ToList();
        return new AddResult(added, recognised, elsewhere.Select(e => e.Id ?? ids[e.Fresh]).ToList());
    }

    // What a read returns: times to the millisecond, as the LiteDB store keeps them.
    private static Article ToArticle(int id, ArticleDraft d) => d.Article with
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

    private static Known ToKnown(NpgsqlDataReader r) => new(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.Strings(5));

    /// <summary>A stored article (or one this batch adds, at position <see cref="Fresh"/>) that a draft may repeat.</summary>
    private sealed record Known(int Id, string Url, string ItemKey, string TitleKey, int SourceId, IReadOnlyList<string> AlsoIn)
    {
        public int Fresh { get; init; } = -1;
    }

    public void Dispose() => _batches.Dispose();
}
