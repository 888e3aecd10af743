using System.Diagnostics;
using NewsBot.Benchmarks.Measurement;
using NewsBot.Core.Search;
using NewsBot.Storage;

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
/// the file, reading every article out of LiteDB into records, and building the index from
/// records already in memory; and how much managed memory the index, LiteDB (the pages it read,
/// held while the database stays open) and the passing article records take. The app streams
/// the records straight into the index; holding them in a list here only separates the steps.
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
        var articles = new LiteDbArticleStore(database).ReadAll().ToList();
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
