using NewsBot.Hosting;

namespace NewsBot.Benchmarks.Commands;

/// <summary>A start measured: open, fill, and where the articles came from.</summary>
internal sealed record ImageStart(StartupResult Time, int FromImage, int Read, string? ImageNotUsed);

/// <summary>Start-up with the index image the app writes at every stop, measured after the run.</summary>
internal sealed record ImageStartups(TimeSpan Write, long Bytes, ImageStart Restart, ImageStart Behind, int BehindBy);

/// <summary>
/// Starts again with the index image (<see cref="IndexImageFile"/>) the first start-up wrote,
/// as the app does at its next start: once with the image just as the store is (a restart after
/// a stop), once with an image that lacks the newest articles (as when the process ended without
/// a stop and the image is the one written after its start), so that those are read from the
/// store by their ids. The database is not changed: the second image is written from an index
/// the newest articles were taken out of.
/// </summary>
internal static class ImageStartup
{
    /// <summary>The share of the articles the second image lacks: a day or so of new articles.</summary>
    private const int BehindShare = 100;

    public static ImageStartups Measure(string directory, TimeSpan write, long bytes)
    {
        var restart = Start(directory);

        // An image that lacks the newest hundredth of the articles.
        int behindBy;
        using (var database = NewsBotDatabase.Open(directory))
        {
            var store = new LiteDbArticleStore(database);
            using var index = new ArticleIndex();
            ArticleIndexLoader.Fill(store, IndexImageFile.Beside(database.FilePath), index);
            var newest = index.Latest(0, index.Count).Ids.Order().TakeLast(index.Count / BehindShare).ToList();
            index.Remove(newest);
            ArticleIndexLoader.WriteImage(store, index, NullLogger.Instance);
            behindBy = newest.Count;
        }

        var behind = Start(directory);
        return new ImageStartups(write, bytes, restart, behind, behindBy);
    }

    /// <summary>One start in a fresh database instance, with whatever image lies beside the database.</summary>
    public static ImageStart Start(string directory)
    {
        MemoryProbe.ReleaseEverything();
        var started = Stopwatch.GetTimestamp();
        using var database = NewsBotDatabase.Open(directory);
        var opened = Stopwatch.GetElapsedTime(started);
        using var index = new ArticleIndex();
        var fill = ArticleIndexLoader.Fill(new LiteDbArticleStore(database), IndexImageFile.Beside(database.FilePath), index);
        var time = new StartupResult(opened, Stopwatch.GetElapsedTime(started) - opened, index.Count);
        return new ImageStart(time, fill.FromImage, fill.Read, fill.ImageNotUsed);
    }
}
