using System.Diagnostics;
using NewsBot.Core.Articles;

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
    public AddResult AddNew(IReadOnlyList<ArticleDraft> drafts)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return inner.AddNew(drafts);
        }
        finally
        {
            stopwatch.Article(started);
        }
    }

    public void SetStory(int id, int storyId)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            inner.SetStory(id, storyId);
        }
        finally
        {
            stopwatch.Article(started);
        }
    }

    public void AddAlsoIn(int id, string sourceName)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            inner.AddAlsoIn(id, sourceName);
        }
        finally
        {
            stopwatch.Article(started);
        }
    }

    public IReadOnlyList<int> DeleteOlderThan(DateTimeOffset cutoff, IReadOnlySet<string> keep) => inner.DeleteOlderThan(cutoff, keep);

    public Article? Get(int id) => inner.Get(id);

    public IReadOnlyList<Article> StoryMembers(int leadId) => inner.StoryMembers(leadId);

    public IReadOnlyList<Article> GetMany(IReadOnlyList<int> ids) => inner.GetMany(ids);

    public IEnumerable<Article> ReadAll() => inner.ReadAll();

    public int Count() => inner.Count();
}

/// <summary>The LiteDB source store with a stopwatch around the calls a polling cycle makes.</summary>
internal sealed class TimedSourceStore(ISourceStore inner, StoreStopwatch stopwatch) : ISourceStore
{
    public IReadOnlyList<FeedSource> All()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return inner.All();
        }
        finally
        {
            stopwatch.Source(started);
        }
    }

    public void Save(FeedSource source)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            inner.Save(source);
        }
        finally
        {
            stopwatch.Source(started);
        }
    }

    public FeedSource Ensure(string name, string url, IReadOnlyList<string> topics, bool fromConfiguration) => inner.Ensure(name, url, topics, fromConfiguration);

    public FeedSource? Get(int id) => inner.Get(id);

    public FeedSource? FindByUrl(string url) => inner.FindByUrl(url);

    public bool Remove(int id) => inner.Remove(id);
}
