namespace NewsBot.Core.Ingest;

/// <summary>
/// Removes articles older than <c>NewsBot:Retention</c>, from the store and the index together.
/// An article its feed still lists is kept: removing it would only bring it back as "new" on the
/// next read. Bookmarks keep their own copy of title and link, so they survive.
/// </summary>
public sealed class ArticlePruner(
    IArticleStore articles,
    ISourceStore sources,
    ArticleIngestor ingestor,
    TimeProvider time,
    IOptions<NewsBotOptions> options,
    ILogger<ArticlePruner> logger)
{
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        var stillListed = (await sources.AllAsync(cancellationToken).ConfigureAwait(false)).SelectMany(s => s.CurrentItemKeys).ToHashSet(StringComparer.Ordinal);
        var removed = await articles.DeleteOlderThanAsync(cutoff, stillListed, cancellationToken).ConfigureAwait(false);
        ingestor.Forget(removed);
        if (removed.Count > 0)
        {
            logger.LogArticlesPruned(removed.Count, cutoff);
        }

        return removed.Count;
    }
}
