using Microsoft.Extensions.Logging;
using NewsBot.Core.Search;

namespace NewsBot.Core.Articles;

/// <summary>
/// Turns a source's feed entries into stored articles: identity, dedup by URL and item key,
/// topics, then the store and the index in step. Returns what was new.
/// </summary>
public sealed class ArticleIngestor(
    IArticleStore articles,
    ArticleIndex index,
    TopicClassifier classifier,
    TimeProvider time,
    ILogger<ArticleIngestor> logger)
{
    public IReadOnlyList<Article> Ingest(FeedSource source, IReadOnlyList<FeedEntry> entries)
    {
        var now = time.GetUtcNow();
        var drafts = new List<ArticleDraft>(entries.Count);
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        var seenUrls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var key = ItemKeys.For(source.Id, entry);
            var url = entry.Link ?? ItemKeys.FallbackUrl(key);
            if (!seenKeys.Add(key) || !seenUrls.Add(url))
            {
                continue; // the feed lists the same item twice
            }

            // An item without a date is dated when first seen; a date in the future is not believed.
            var published = entry.Published ?? entry.Updated ?? now;
            if (published > now)
            {
                published = now;
            }

            var topics = classifier.Classify(entry.Title, entry.Summary, entry.Categories, source.Topics);
            drafts.Add(new ArticleDraft(
                url, key, entry.Title, entry.Summary, entry.Author, source.Id, source.Name,
                TruncateToMilliseconds(published), TruncateToMilliseconds(now), topics, entry.ImageUrl));
        }

        var added = articles.AddNew(drafts);
        index.AddRange(added);
        if (added.Count > 0)
        {
            logger.LogInformation("Stored {NewCount} new articles from {Source}", added.Count, source.Name);
        }

        return added;
    }

    // The store keeps milliseconds; truncating first keeps round-tripped values equal.
    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
