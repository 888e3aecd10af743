namespace NewsBot.Benchmarks.Ingest;

/// <summary>Time spent inside the stores (LiteDB) so far, summed over calls.</summary>
internal readonly record struct StoreTime(TimeSpan Articles, long ArticleCalls, TimeSpan Sources, long SourceCalls)
{
    public TimeSpan Total => Articles + Sources;

    public StoreTime Minus(StoreTime earlier) =>
        new(Articles - earlier.Articles, ArticleCalls - earlier.ArticleCalls, Sources - earlier.Sources, SourceCalls - earlier.SourceCalls);
}

/// <summary>The clock of the timing decorators: two timestamps around each store call, added to the articles' or the sources' total.</summary>
internal sealed class StoreStopwatch
{
    private readonly Total _articles = new();
    private readonly Total _sources = new();

    public StoreTime Read() => new(_articles.Elapsed, _articles.Calls, _sources.Elapsed, _sources.Calls);

    public ValueTask<T> ArticleAsync<T>(Func<ValueTask<T>> call) => _articles.TimeAsync(call);

    public ValueTask ArticleAsync(Func<ValueTask> call) => _articles.TimeAsync(call);

    public ValueTask<T> SourceAsync<T>(Func<ValueTask<T>> call) => _sources.TimeAsync(call);

    public ValueTask SourceAsync(Func<ValueTask> call) => _sources.TimeAsync(call);

    private sealed class Total
    {
        private long _ticks;
        private long _calls;

        public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

        public long Calls => Interlocked.Read(ref _calls);

        public async ValueTask<T> TimeAsync<T>(Func<ValueTask<T>> call)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                return await call();
            }
            finally
            {
                Add(started);
            }
        }

        public async ValueTask TimeAsync(Func<ValueTask> call)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await call();
            }
            finally
            {
                Add(started);
            }
        }

        private void Add(long started)
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - started);
            Interlocked.Increment(ref _calls);
        }
    }
}

/// <summary>
/// The LiteDB article store with a stopwatch around each call, so a cycle can say how much of
/// its time went into storage (dedup look-ups, inserts, commits) without changing what runs.
/// </summary>
internal sealed class TimedArticleStore(IArticleStore inner, StoreStopwatch stopwatch) : IArticleStore
{
    public ValueTask<AddResult> AddNewAsync(IReadOnlyList<ArticleDraft> drafts, CancellationToken cancellationToken) =>
        stopwatch.ArticleAsync(() => inner.AddNewAsync(drafts, cancellationToken));

    public ValueTask AddAlsoInAsync(int id, string sourceName, CancellationToken cancellationToken) =>
        stopwatch.ArticleAsync(() => inner.AddAlsoInAsync(id, sourceName, cancellationToken));

    public async ValueTask<IArticleBatch> BeginBatchAsync(IReadOnlyCollection<ArticleDraft> toAdd, IReadOnlySet<int> newSources, CancellationToken cancellationToken) =>
        new TimedArticleBatch(await stopwatch.ArticleAsync(() => inner.BeginBatchAsync(toAdd, newSources, cancellationToken)), stopwatch);

    public ValueTask<IReadOnlyList<int>> DeleteOlderThanAsync(DateTimeOffset cutoff, IReadOnlySet<string> keep, CancellationToken cancellationToken) => inner.DeleteOlderThanAsync(cutoff, keep, cancellationToken);

    public ValueTask<Article?> GetAsync(int id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public ValueTask<IReadOnlyList<Article>> StoryMembersAsync(int leadId, CancellationToken cancellationToken) => inner.StoryMembersAsync(leadId, cancellationToken);

    public ValueTask<IReadOnlyList<Article>> GetManyAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken) => inner.GetManyAsync(ids, cancellationToken);

    public IAsyncEnumerable<Article> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);

    public ValueTask<int> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);
}

/// <summary>A batch of the timed article store, its adds and its commit counted as the store's time.</summary>
internal sealed class TimedArticleBatch(IArticleBatch inner, StoreStopwatch stopwatch) : IArticleBatch
{
    public ValueTask<AddResult> AddNewAsync(IReadOnlyList<ArticleDraft> drafts, CancellationToken cancellationToken) =>
        stopwatch.ArticleAsync(() => inner.AddNewAsync(drafts, cancellationToken));

    public ValueTask CommitAsync(CancellationToken cancellationToken) =>
        stopwatch.ArticleAsync(() => inner.CommitAsync(cancellationToken));

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}

/// <summary>The LiteDB source store with a stopwatch around the calls a polling cycle makes.</summary>
internal sealed class TimedSourceStore(ISourceStore inner, StoreStopwatch stopwatch) : ISourceStore
{
    public ValueTask<IReadOnlyList<FeedSource>> AllAsync(CancellationToken cancellationToken) =>
        stopwatch.SourceAsync(() => inner.AllAsync(cancellationToken));

    public ValueTask SaveAsync(FeedSource source, CancellationToken cancellationToken) =>
        stopwatch.SourceAsync(() => inner.SaveAsync(source, cancellationToken));

    public ValueTask SaveAllAsync(IReadOnlyList<FeedSource> sources, CancellationToken cancellationToken) =>
        stopwatch.SourceAsync(() => inner.SaveAllAsync(sources, cancellationToken));

    public ValueTask<FeedSource> EnsureAsync(string name, string url, IReadOnlyList<string> topics, bool fromConfiguration, CancellationToken cancellationToken) => inner.EnsureAsync(name, url, topics, fromConfiguration, cancellationToken);

    public ValueTask<FeedSource?> GetAsync(int id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public ValueTask<FeedSource?> FindByUrlAsync(string url, CancellationToken cancellationToken) => inner.FindByUrlAsync(url, cancellationToken);

    public ValueTask<bool> UpdateSettingsAsync(FeedSource source, CancellationToken cancellationToken) => inner.UpdateSettingsAsync(source, cancellationToken);

    public ValueTask<bool> RemoveAsync(int id, CancellationToken cancellationToken) => inner.RemoveAsync(id, cancellationToken);
}
