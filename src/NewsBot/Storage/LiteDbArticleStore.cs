using System.Collections.Frozen;
using LiteDB;

namespace NewsBot.Storage;

internal sealed class LiteDbArticleStore(NewsBotDatabase database) : IArticleStore, IDisposable
{
    /// <summary>
    /// The highest article number ever handed out. Numbers are shown to people, kept in
    /// bookmarks and compared by the planner, so a number freed by retention is never reused:
    /// LiteDB's own counter restarts from the highest stored id.
    /// </summary>
    internal const string LastArticleIdKey = "articles.last-id";

    /// <summary>The database file, beside which the index image is kept.</summary>
    public string DatabasePath => database.FilePath;

    // One batch at a time: a batch counts article numbers on from the stored high-water mark.
    private readonly BatchGate _batches = new();

    public async ValueTask<AddResult> AddNewAsync(IReadOnlyList<ArticleDraft> drafts, CancellationToken cancellationToken)
    {
        if (drafts.Count == 0)
        {
            return new AddResult([], 0);
        }

        var batch = await BeginBatchAsync(drafts, FrozenSet<int>.Empty, cancellationToken).ConfigureAwait(false);
        await using (batch.ConfigureAwait(false))
        {
            var result = await batch.AddNewAsync(drafts, cancellationToken).ConfigureAwait(false);
            await batch.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
    }

    public async ValueTask<IArticleBatch> BeginBatchAsync(IReadOnlyCollection<ArticleDraft> toAdd, IReadOnlySet<int> newSources, CancellationToken cancellationToken)
    {
        var entered = await _batches.EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new LiteDbArticleBatch(database, LastArticleId(), toAdd, newSources, entered);
        }
        catch
        {
            entered.Dispose();
            throw;
        }
    }

    public ValueTask<IReadOnlyList<int>> DeleteOlderThanAsync(DateTimeOffset cutoff, IReadOnlySet<string> keep, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<int>>(DeleteOlderThan(cutoff, keep));

    public ValueTask<Article?> GetAsync(int id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Get(id));

    public ValueTask AddAlsoInAsync(int id, string sourceName, CancellationToken cancellationToken)
    {
        AddAlsoIn(id, sourceName);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<Article>> StoryMembersAsync(int leadId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<Article>>(StoryMembers(leadId));

    public ValueTask<IReadOnlyList<Article>> GetManyAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<Article>>(GetMany(ids));

    public IAsyncEnumerable<Article> ReadAllAsync(CancellationToken cancellationToken) =>
        LiteDbThreadBinding.ReadNow(ReadAll());

    public ValueTask<int> CountAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(Count());

    internal static ArticleDocument ToDocument(ArticleDraft draft, int id)
    {
        var article = draft.Article;
        return new ArticleDocument
        {
            Id = id,
            Url = article.Url,
            ItemKey = article.ItemKey,
            Title = article.Title,
            Summary = article.Summary,
            Author = article.Author,
            SourceId = article.SourceId,
            SourceName = article.SourceName,
            PublishedAt = Dates.ToStored(article.PublishedAt),
            PublishedDay = Dates.DayOf(Dates.ToStored(article.PublishedAt)),
            IngestedAt = Dates.ToStored(article.IngestedAt),
            Topics = [.. article.Topics],
            ImageUrl = article.ImageUrl,
            IsNew = article.IsNew,
            TitleKey = draft.TitleKey,
            StoryId = article.StoryId,
        };
    }

    /// <summary>
    /// The stored high-water mark; a file written before there was one starts above every
    /// number still in use: articles, bookmarks and the planner's cursor.
    /// </summary>
    private int LastArticleId()
    {
        if (database.State.FindById(LastArticleIdKey) is { } stored
            && int.TryParse(stored.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            return last;
        }

        var newestArticle = database.Articles.Find(Query.All(Query.Descending), limit: 1).FirstOrDefault()?.Id ?? 0;
        var newestBookmark = database.Bookmarks.Query().Select(b => b.ArticleId).ToEnumerable().DefaultIfEmpty().Max();
        var plannedThrough = database.State.FindById(LiteDbOutboxStore.PlannedThroughKey) is { } planned
            && int.TryParse(planned.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var through) ? through : 0;
        return Math.Max(Math.Max(newestArticle, newestBookmark), plannedThrough);
    }

    private List<int> DeleteOlderThan(DateTimeOffset cutoff, IReadOnlySet<string> keep)
    {
        var doomed = ArticleDayIndex.PublishedBefore(database.Articles, Dates.ToStored(cutoff), keep);

        database.Database.InTransaction(() =>
        {
            var texts = database.ArticleTexts;
            foreach (var id in doomed)
            {
                database.Articles.Delete(id);
                texts.Delete(id);
            }
        });

        return doomed;
    }

    private Article? Get(int id)
    {
        var document = database.Articles.FindById(id);
        return document is null ? null : ToArticle(document);
    }

    private List<Article> GetMany(IReadOnlyList<int> ids)
    {
        var collection = database.Articles;
        var result = new List<Article>(ids.Count);
        foreach (var id in ids)
        {
            var document = collection.FindById(id);
            if (document is not null)
            {
                result.Add(ToArticle(document));
            }
        }

        return result;
    }

    private void AddAlsoIn(int id, string sourceName)
    {
        var document = database.Articles.FindById(id);
        if (document is not null && !document.AlsoIn.Contains(sourceName))
        {
            document.AlsoIn.Add(sourceName);
            database.Articles.Update(document);
        }
    }

    private List<Article> StoryMembers(int leadId) =>
        database.Articles.Find(a => a.StoryId == leadId).OrderBy(a => a.PublishedAt).Select(ToArticle).ToList();

    private IEnumerable<Article> ReadAll() => database.Articles.FindAll().Select(ToArticle);

    /// <summary>
    /// Hands every article to <paramref name="read"/>, oldest id first, read through a LiteDB
    /// instance that is closed before the shared one opens (see
    /// <see cref="NewsBotDatabase.ReadArticlesThenReopen"/>): for filling the index at start.
    /// The documents become articles without LiteDB's mapper (see <see cref="StoredArticle"/>).
    /// </summary>
    /// <returns>True when the read went through an instance of its own.</returns>
    public bool ReadAllAtStart(Action<IEnumerable<Article>> read) =>
        database.ReadArticlesThenReopen(documents => read(documents.Select(StoredArticle.ToArticle)));

    /// <summary>
    /// Hands <paramref name="read"/> what filling the index at start may read (see
    /// <see cref="LiteDbIndexRead"/>), through a LiteDB instance closed before the shared one opens.
    /// </summary>
    /// <returns>True when the read went through an instance of its own.</returns>
    public bool ReadAtStart(Action<LiteDbIndexRead> read) =>
        database.ReadThenReopen(reader => read(new LiteDbIndexRead(reader)));

    /// <summary>Pairs this database with the index image just written under <paramref name="key"/>.</summary>
    public void SetImageKey(Guid key) =>
        database.State.Upsert(new StateDocument { Id = LiteDbIndexRead.ImageKeyName, Value = key.ToString("N") });

    private int Count() => database.Articles.Count();

    // Files written before the mapper kept empty strings (EmptyStringToNull) hold null for an
    // empty summary or title; an article must come back with an empty one, or rendering fails.
    internal static Article ToArticle(ArticleDocument d) => new(
        d.Id, d.Url, d.ItemKey, d.Title ?? "", d.Summary ?? "", d.Author, d.SourceId, d.SourceName,
        Dates.FromStored(d.PublishedAt), Dates.FromStored(d.IngestedAt), d.Topics, d.ImageUrl, d.IsNew)
    {
        StoryId = d.StoryId,
        AlsoIn = d.AlsoIn,
    };

    public void Dispose() => _batches.Dispose();
}
