namespace NewsBot.Storage;

/// <summary>
/// Adds checked and numbered at once, written in one LiteDB transaction at the commit. The
/// store lets one batch be open at a time (the gate released at disposal), so the numbers
/// counted on from the stored high-water mark are nobody else's.
/// </summary>
internal sealed class LiteDbArticleBatch(NewsBotDatabase database, int lastId, IDisposable gate) : IArticleBatch
{
    private readonly LiteDbKnownArticles _known = new(database.Database.Collation);
    private readonly List<ArticleDocument> _pending = [];
    private int _lastId = lastId;
    private bool _finished;

    public ValueTask<AddResult> AddNewAsync(IReadOnlyList<ArticleDraft> drafts, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AddNew(drafts));

    public ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;
        if (_pending.Count > 0)
        {
            // On the calling thread from start to end: LiteDB binds a transaction to its thread.
            database.Database.InTransaction(() =>
            {
                database.Articles.Insert(_pending);
                database.State.Upsert(new StateDocument { Id = LiteDbArticleStore.LastArticleIdKey, Value = _lastId.ToString(CultureInfo.InvariantCulture) });
            });
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _finished = true;
        _pending.Clear();
        gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private AddResult AddNew(IReadOnlyList<ArticleDraft> drafts)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (drafts.Count == 0)
        {
            return new AddResult([], 0);
        }

        _known.Read(database.Articles, drafts);
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
