using System.Diagnostics;
using NewsBot.Benchmarks.Measurement;
using NewsBot.Core.Articles;
using NewsBot.Core.Search;
using NewsBot.Storage;

namespace NewsBot.Benchmarks.Commands;

/// <summary>Where start-up time and memory go, measured one step at a time.</summary>
internal sealed record StartupParts(
    TimeSpan Open,
    TimeSpan Read,
    TimeSpan Index,
    long LiteDbCacheBytes,
    long ArticlesBytes,
    long IndexBytes);

/// <summary>
/// Repeats start-up in separate steps, after the timed run and with the database closed, to see
/// what it is made of: opening the file, reading every article out of LiteDB into records, and
/// building the index from records already in memory; and how much managed memory LiteDB's page
/// cache, the article records and the index each hold. The app streams the records straight into
/// the index; holding them in a list here is only to time the two steps apart.
/// </summary>
internal static class StartupBreakdown
{
    public static StartupParts Measure(string directory)
    {
        MemoryProbe.ReleaseEverything();
        var baseline = MemoryProbe.LiveManagedBytes();

        var started = Stopwatch.GetTimestamp();
        var database = NewsBotDatabase.Open(directory);
        var open = Stopwatch.GetElapsedTime(started);
        List<Article> articles;
        TimeSpan read;
        long withCache;
        try
        {
            started = Stopwatch.GetTimestamp();
            articles = new LiteDbArticleStore(database).ReadAll().ToList();
            read = Stopwatch.GetElapsedTime(started);
            withCache = MemoryProbe.LiveManagedBytes();
        }
        finally
        {
            database.Dispose();
        }

        var articlesOnly = MemoryProbe.LiveManagedBytes();
        var (index, indexTime) = Build(articles);
        articles.Clear();
        articles.TrimExcess();
        var indexOnly = MemoryProbe.LiveManagedBytes();
        index.Dispose();

        return new StartupParts(open, read, indexTime, withCache - articlesOnly, articlesOnly - baseline, indexOnly - baseline);
    }

    private static (ArticleIndex Index, TimeSpan Time) Build(List<Article> articles)
    {
        var index = new ArticleIndex();
        var started = Stopwatch.GetTimestamp();
        index.AddRange(articles);
        return (index, Stopwatch.GetElapsedTime(started));
    }
}
