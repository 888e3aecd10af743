namespace NewsBot.Storage;

/// <summary>
/// Adds checked and numbered at once, written in one LiteDB transaction at the commit. The
/// store lets one batch be open at a time (the gate released at disposal), so the numbers
/// counted on from the stored high-water mark are nobody else's.
/// </summary>
internal sealed class LiteDbArticleBatch : IArticleBatch
{
    private readonly NewsBotDatabase _database;
    private readonly IDisposable _gate;
    private readonly LiteDbKnownArticles _known;
    private readonly List<ArticleDocument> _pending = [];
    private int _lastId;
    private bool _finished;

    /// <param name="toAdd">The drafts the batch is about to add, looked up at once.</param>
    /// <param name="newSources">Sources with nothing stored: their drafts are looked up by link only.</param>
    public LiteDbArticleBatch(NewsBotDatabase database, int lastId, IReadOnlyCollection<ArticleDraft> toAdd, IReadOnlySet<int> newSources, IDisposable gate)
    {
        _database = database;
        _lastId = lastId;
        _gate = gate;
        _known = new LiteDbKnownArticles(database.Database.Collation);
        _known.Read(database.Articles, toAdd, newSources);
    }

    public ValueTask<AddResult> AddNewAsync(IReadOnlyList<ArticleDraft> drafts, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AddNew(drafts));

    public ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;
        if (_pending.Count > 0)
        {
            // On the calling thread from start to end: LiteDB binds a transaction to its thread.
            _database.Database.InTransaction(() =>
            {
                _database.Database.GetCollection(NewsBotDatabase.ArticlesCollection).Insert(_pending.Select(ArticleDocumentBson.From));
                _database.State.Upsert(new StateDocument { Id = LiteDbArticleStore.LastArticleIdKey, Value = _lastId.ToString(CultureInfo.InvariantCulture) });
            });
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _finished = true;
        _pending.Clear();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private AddResult AddNew(IReadOnlyList<ArticleDraft> drafts)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (drafts.Count == 0)
        {
            return new AddResult([], 0);
        }

        _known.Read(_database.Articles, _known.NotLookedUp(drafts));
        var added = new List<Article>();
        var recognised = 0;
        var elsewhere = new List<int>();
        foreach (var draft in drafts)
        {
            var article = draft.Article;
            if (_known.HasItemKey(article.ItemKey))
            {
                continue;
            }

            // Another source may carry the same link (syndication); only a match within the same
            // source says that this feed re-posts old items under new ids.
            var sameUrl = _known.WithUrl(article.Url);
            if (sameUrl is not null || _known.HasTitleKey(draft.TitleKey))
            {
                if (sameUrl is null || sameUrl.SourceId == article.SourceId)
                {
                    recognised++;
                }
                else if (!sameUrl.AlsoIn.Contains(article.SourceName))
                {
                    elsewhere.Add(sameUrl.Id);
                }

                continue;
            }

            var document = LiteDbArticleStore.ToDocument(draft, checked(++_lastId));
            _known.Add(document);
            _pending.Add(document);
            added.Add(LiteDbArticleStore.ToArticle(document));
        }

        return new AddResult(added, recognised, elsewhere);
    }
}
