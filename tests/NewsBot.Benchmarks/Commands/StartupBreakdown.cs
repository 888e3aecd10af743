namespace NewsBot.Benchmarks.Commands;

/// <summary>Where start-up time and memory go, measured one step at a time.</summary>
internal sealed record StartupParts(
    TimeSpan Open,
    TimeSpan Read,
    TimeSpan Index,
    long IndexBytes,
    long LiteDbBytes,
    long ArticlesBytes);

/// <summary>
/// Repeats start-up in separate steps, after the timed run, to see what it is made of: opening
/// the file, reading every article out of LiteDB into records (through the short-lived instance
/// the app reads with), and building the index from records already in memory; and how much
/// managed memory the index, LiteDB (what the shared instance holds once the start-up read is
/// over) and the passing article records take. The app overlaps the read and the indexing on
/// two threads and never holds all the records at once; holding them in a list here only
/// separates the steps.
/// </summary>
internal static class StartupBreakdown
{
    public static StartupParts Measure(string directory)
    {
        MemoryProbe.ReleaseEverything();
        var baseline = MemoryProbe.LiveManagedBytes();

        var started = Stopwatch.GetTimestamp();
        using var database = NewsBotDatabase.Open(directory);
        var open = Stopwatch.GetElapsedTime(started);

        started = Stopwatch.GetTimestamp();
        var articles = new List<Article>();
        new LiteDbArticleStore(database).ReadAtStart(read => articles.AddRange(read.ForIndex()));
        var read = Stopwatch.GetElapsedTime(started);
        var withRecords = MemoryProbe.LiveManagedBytes();

        using var index = new ArticleIndex();
        started = Stopwatch.GetTimestamp();
        index.AddRange(articles);
        var indexTime = Stopwatch.GetElapsedTime(started);
        var withIndex = MemoryProbe.LiveManagedBytes();

        articles.Clear();
        articles.TrimExcess();
        var withoutRecords = MemoryProbe.LiveManagedBytes();

        var indexBytes = withIndex - withRecords;
        return new StartupParts(open, read, indexTime, indexBytes, withoutRecords - indexBytes - baseline, withIndex - withoutRecords);
    }
}
