namespace NewsBot.Monitoring;

/// <summary>Counts stored articles for <c>newsbot.articles.ingested</c>; the ingestor tells its observers about every new batch.</summary>
internal sealed class IngestCounter(NewsBotMetrics metrics) : INewArticlesObserver
{
    public Task StoredAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        metrics.ArticlesIngested(articles.Count);
        return Task.CompletedTask;
    }
}
