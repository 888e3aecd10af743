using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Articles;
using NewsBot.Core.Search;

namespace NewsBot.Hosting;

/// <summary>Fills the in-memory index from the database before anything else starts.</summary>
internal sealed class ArticleIndexLoader(IArticleStore articles, ArticleIndex index, ILogger<ArticleIndexLoader> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        index.AddRange(articles.ReadAll());
        logger.LogInformation("Indexed {Count} stored articles in {Elapsed:0} ms", index.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
