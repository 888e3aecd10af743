using NewsBot.Core.Search;

namespace NewsBot.Hosting;

/// <summary>Fills the in-memory index from the database before anything else starts.</summary>
internal sealed partial class ArticleIndexLoader(IArticleStore articles, ArticleIngestor ingestor, ArticleIndex index, ILogger<ArticleIndexLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (articles is LiteDbArticleStore lite)
        {
            if (!Fill(lite, ingestor.LoadIndex))
            {
                // Harmless, but the pages read stay in LiteDB's cache: something used the database first.
                LogReadThroughSharedInstance(logger);
            }
        }
        else
        {
            // A database server streams the rows; they are indexed on this thread as they arrive.
            await Task.Run(() => ingestor.LoadIndex(articles.ReadAllAsync(cancellationToken).ToBlockingEnumerable(cancellationToken)), cancellationToken).ConfigureAwait(false);
        }

        LogIndexed(logger, index.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Hands every stored article to <paramref name="load"/>. LiteDB reads on a thread of its own
    /// while this one indexes, and the read goes through a short-lived LiteDB instance so the
    /// pages it pulls in do not stay cached for the life of the process.
    /// </summary>
    /// <returns>True when the read went through a short-lived instance.</returns>
    public static bool Fill(LiteDbArticleStore articles, Action<IEnumerable<Article>> load) =>
        articles.ReadAllAtStart(all => load(ReadAhead.Of(all)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored articles were read through the shared database instance")]
    private static partial void LogReadThroughSharedInstance(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Count} stored articles in {Elapsed:0} ms")]
    private static partial void LogIndexed(ILogger logger, int count, double elapsed);
}
