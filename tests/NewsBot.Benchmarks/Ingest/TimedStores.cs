namespace NewsBot.Benchmarks.Ingest;

/// <summary>Time spent inside the stores (LiteDB) so far, summed over calls.</summary>
internal readonly record struct StoreTime(TimeSpan Articles, long ArticleCalls, TimeSpan Sources, long SourceCalls)
{
    public TimeSpan Total => Articles + Sources;

    public StoreTime Minus(StoreTime earlier) =>
        new(Articles - earlier.Articles, ArticleCalls - earlier.ArticleCalls, Sources - earlier.Sources, SourceCalls - earlier.SourceCalls);
}

/// <summary>The clock of the timing decorators: two timestamps per store call, nothing else.</summary>
internal sealed class StoreStopwatch
{
    private long _articleTicks;
    private long _articleCalls;
    private long _sourceTicks;
    private long _sourceCalls;

    public StoreTime Read() => new(
        Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _articleTicks)),
        Interlocked.Read(ref _articleCalls),
        Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _sourceTicks)),
        Interlocked.Read(ref _sourceCalls));

    public void Article(long started)
    {
        Interlocked.Add(ref _articleTicks, Stopwatch.GetTimestamp() - started);
        Interlocked.Increment(ref _articleCalls);
    }

    public void Source(long started)
    {
        Interlocked.Add(ref _sourceTicks, Stopwatch.GetTimestamp() - started);
        Interlocked.Increment(ref _sourceCalls);
    }
}

/// <summary>
/// The LiteDB article store with a stopwatch around each call, so a cycle can say how much of
/// its time went into storage (dedup look-ups, inserts, commits) without changing what runs.
/// </summary>
internal sealed class TimedArticleStore(IArticleStore inner, StoreStopwatch stopwatch) : IArticleStore
{
    public async ValueTask<AddResult> AddNewAsync(IReadOnlyList<ArticleDraft> drafts, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await inner.AddNewAsync(drafts, cancellationToken);
        }
        finally
        {
            stopwatch.Article(started);
        }
    }

    public async ValueTask SetStoryAsync(int id, int storyId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await inner.SetStoryAsync(id, storyId, cancellationToken);
        }
        finally
        {
            stopwatch.Article(started);
        }
    }

    public async ValueTask AddAlsoInAsync(int id, string sourceName, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await inner.AddAlsoInAsync(id, sourceName, cancellationToken);
        }
        finally
        {
            stopwatch.Article(started);
        }
    }

    public ValueTask<IReadOnlyList<int>> DeleteOlderThanAsync(DateTimeOffset cutoff, IReadOnlySet<string> keep, CancellationToken cancellationToken) => inner.DeleteOlderThanAsync(cutoff, keep, cancellationToken);

    public ValueTask<Article?> GetAsync(int id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public ValueTask<IReadOnlyList<Article>> StoryMembersAsync(int leadId, CancellationToken cancellationToken) => inner.StoryMembersAsync(leadId, cancellationToken);

    public ValueTask<IReadOnlyList<Article>> GetManyAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken) => inner.GetManyAsync(ids, cancellationToken);

    public IAsyncEnumerable<Article> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);

    public ValueTask<int> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);
}

/// <summary>The LiteDB source store with a stopwatch around the calls a polling cycle makes.</summary>
internal sealed class TimedSourceStore(ISourceStore inner, StoreStopwatch stopwatch) : ISourceStore
{
    public async ValueTask<IReadOnlyList<FeedSource>> AllAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await inner.AllAsync(cancellationToken);
        }
        finally
        {
            stopwatch.Source(started);
        }
    }

    public async ValueTask SaveAsync(FeedSource source, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await inner.SaveAsync(source, cancellationToken);
        }
        finally
        {
            stopwatch.Source(started);
        }
    }

    public ValueTask<FeedSource> EnsureAsync(string name, string url, IReadOnlyList<string> topics, bool fromConfiguration, CancellationToken cancellationToken) => inner.EnsureAsync(name, url, topics, fromConfiguration, cancellationToken);

    public ValueTask<FeedSource?> GetAsync(int id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public ValueTask<FeedSource?> FindByUrlAsync(string url, CancellationToken cancellationToken) => inner.FindByUrlAsync(url, cancellationToken);

    public ValueTask<bool> RemoveAsync(int id, CancellationToken cancellationToken) => inner.RemoveAsync(id, cancellationToken);
}
