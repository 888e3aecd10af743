using NewsBot.Hosting;

namespace NewsBot.Benchmarks.Commands;

/// <summary>
/// <c>--startup-only</c>: the two start-ups of the scenario and nothing else, a minute instead
/// of many at a million articles. A first start with no index image (every article read from
/// the store), its image written, then a restart from that image, each in a fresh database
/// instance, with the peak working set of the first.
/// </summary>
internal static class StartupOnly
{
    public static string Measure(string directory, bool warmFileCache)
    {
        var image = IndexImageFile.Beside(System.IO.Path.Combine(directory, NewsBotDatabase.FileName));
        image.Delete();
        var loadBefore = MachineInfo.ReadLoadAverage();
        MemoryProbe.ReleaseEverything();
        MemoryProbe.TryResetPeak();
        StartupResult first;
        var started = Stopwatch.GetTimestamp();
        using (var database = NewsBotDatabase.Open(directory))
        {
            var opened = Stopwatch.GetElapsedTime(started);
            using var index = new ArticleIndex();
            var store = new LiteDbArticleStore(database);
            ArticleIndexLoader.Fill(store, image, index, warmFileCache);
            first = new StartupResult(opened, Stopwatch.GetElapsedTime(started) - opened, index.Count);
            ArticleIndexLoader.WriteImage(store, index, NullLogger.Instance);
        }

        var peak = MemoryProbe.Take().PeakWorkingSet;
        var restart = ImageStartup.Start(directory);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"""
            - First start-up, no index image{(warmFileCache ? "" : ", without the file cache warm-up")}: {first.Total.TotalSeconds:0.00} s for {first.Indexed:N0} articles (open {first.Open.TotalSeconds:0.00} s, read and index {first.Fill.TotalSeconds:0.00} s); peak working set {peak / 1_000_000.0:N0} MB.
            - Restart from the image: {restart.Time.Total.TotalSeconds:0.00} s (open {restart.Time.Open.TotalSeconds:0.00} s, fill {restart.Time.Fill.TotalSeconds:0.00} s; {restart.FromImage:N0} from the image, {restart.Read:N0} read).
            - Load average {loadBefore ?? "?"} before, {MachineInfo.ReadLoadAverage() ?? "?"} after.

            """);
    }
}
