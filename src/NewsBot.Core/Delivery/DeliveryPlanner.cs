using Microsoft.Extensions.Logging;
using NewsBot.Core.Articles;
using NewsBot.Core.Chats;
using NewsBot.Core.Subscriptions;

namespace NewsBot.Core.Delivery;

/// <summary>
/// Turns newly stored articles into outbox entries: every instant subscription they match,
/// in every active chat, once per (chat, story). Backlog items (a new source's first read,
/// old items) are never pushed. Daily subscriptions are collected by the digest instead.
/// </summary>
public sealed class DeliveryPlanner(
    SubscriptionMatcher matcher,
    IOutboxStore outbox,
    IChatStore chats,
    TimeProvider time,
    ILogger<DeliveryPlanner> logger) : INewArticlesObserver
{
    public void Stored(IReadOnlyList<Article> articles)
    {
        var now = time.GetUtcNow();
        var entries = new List<OutboxEntry>();
        var planned = new HashSet<string>(StringComparer.Ordinal);
        var active = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            if (!article.IsNew)
            {
                continue;
            }

            foreach (var subscription in matcher.Match(article))
            {
                if (subscription.Mode != DeliveryMode.Instant || !IsActive(subscription.ChatKey, active))
                {
                    continue;
                }

                var entry = new OutboxEntry(0, subscription.ChatKey, article.StoryLeadId, article.Id, OutboxState.Pending, 0, now, null, now, null);
                if (planned.Add(entry.DedupKey))
                {
                    entries.Add(entry);
                }
            }
        }

        if (entries.Count == 0)
        {
            return;
        }

        var added = outbox.Enqueue(entries);
        logger.LogInformation("Queued {Count} pushes for {Articles} new articles", added, articles.Count);
    }

    private bool IsActive(string chatKey, Dictionary<string, bool> cache)
    {
        if (!cache.TryGetValue(chatKey, out var active))
        {
            active = chats.Find(ChatAddress.Parse(chatKey)) is not { Active: false };
            cache[chatKey] = active;
        }

        return active;
    }
}
