using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Articles;
using NewsBot.Core.Chats;
using NewsBot.Core.Subscriptions;

namespace NewsBot.Core.Delivery;

/// <summary>
/// Turns newly stored articles into outbox entries: for every active chat with an instant
/// subscription they match, one entry per planned batch carrying that chat's new stories, so a
/// burst is one message and a fan-out to many chats is one document each. A chat gets each
/// story at most once, also when a later report of it arrives from another source: the stories
/// queued per chat are kept in memory (<see cref="QueuedStories"/>), rebuilt from the outbox at
/// start. The planner's position (the last article planned) moves in the same transaction as
/// the entries are written; articles stored after it, say before a crash, are planned the next
/// time (<see cref="CatchUp"/> at start). Backlog items (a new source's first read, old items)
/// are never pushed; daily subscriptions are collected by the digest instead. Instant pushes
/// to a chat in its quiet hours wait for the window's end.
/// </summary>
public sealed class DeliveryPlanner(
    SubscriptionMatcher matcher,
    IOutboxStore outbox,
    IArticleStore articles,
    IChatStore chats,
    TimeProvider time,
    ILogger<DeliveryPlanner> logger) : INewArticlesObserver
{
    // Ids read per query when catching up with articles stored but not yet planned.
    private const int CatchUpChunk = 1000;

    private readonly Lock _lock = new();
    private QueuedStories? _queued;
    private int _plannedThrough;

    public void Stored(IReadOnlyList<Article> articles)
    {
        lock (_lock)
        {
            Plan(articles);
        }
    }

    /// <summary>Plans every article stored after the planner's position; returns how many entries were queued.</summary>
    public int CatchUp()
    {
        lock (_lock)
        {
            return Plan([]);
        }
    }

    private int Plan(IReadOnlyList<Article> given)
    {
        var queued = Load();
        var now = time.GetUtcNow();
        queued.Forget(now);

        // What was handed over and not planned yet, with anything stored before it that never
        // was (the bot stopped in between); at start, everything after the position.
        var batch = given.Where(a => a.Id > _plannedThrough).ToList();
        if (given.Count == 0)
        {
            batch.AddRange(Missed(before: null));
        }
        else if (batch.Count > 0)
        {
            batch.AddRange(Missed(before: batch.Min(a => a.Id)));
        }

        if (batch.Count == 0)
        {
            return 0;
        }

        var through = batch.Max(a => a.Id);
        batch.Sort((a, b) => a.Id.CompareTo(b.Id));
        var perChat = Match(batch);
        var entries = new List<OutboxEntry>(perChat.Count);
        var firstArticle = batch[0].Id;
        foreach (var (chatKey, stories) in perChat)
        {
            stories.RemoveAll(s => queued.Contains(chatKey, s.Story));
            var chat = stories.Count == 0 ? null : chats.Find(ChatAddress.Parse(chatKey));
            if (stories.Count == 0 || chat is { Active: false })
            {
                continue;
            }

            var notBefore = chat?.Quiet is { } quiet ? quiet.ReleaseAt(now, chat.Zone) : now;
            entries.Add(OutboxEntry.ForStories(
                chatKey,
                OutboxKeys.Stories(chatKey, firstArticle),
                stories.Select(s => s.Story).ToList(),
                stories.Select(s => s.Article).ToList(),
                now,
                notBefore));
        }

        var added = outbox.EnqueuePlanned(entries, through);
        _plannedThrough = through;
        foreach (var entry in entries)
        {
            queued.Add(entry.ChatKey, entry.StoryIds, now);
        }

        if (added > 0)
        {
            logger.LogInformation("Queued {Count} pushes for {Articles} new articles", added, batch.Count);
        }

        return added;
    }

    /// <summary>Per chat, the new stories its instant subscriptions match, each once, in article order.</summary>
    private Dictionary<string, List<(int Story, int Article)>> Match(List<Article> batch)
    {
        // Matching is read-only and the matcher thread-safe: the articles are matched side by side.
        var matches = new IReadOnlyList<Subscription>[batch.Count];
        Parallel.For(0, batch.Count, i => matches[i] = batch[i].IsNew ? matcher.Match(batch[i]) : []);

        var perChat = new Dictionary<string, List<(int Story, int Article)>>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            var article = batch[i];
            var story = article.StoryLeadId;
            foreach (var subscription in matches[i])
            {
                if (subscription.Mode != DeliveryMode.Instant)
                {
                    continue;
                }

                ref var stories = ref CollectionsMarshal.GetValueRefOrAddDefault(perChat, subscription.ChatKey, out _);
                stories ??= [];

                // A chat with several matching subscriptions hears of the story once: they match
                // the same article one after the other, and only a later report of a story can
                // meet it again further on.
                if (stories.Count > 0 && stories[^1].Story == story)
                {
                    continue;
                }

                if (article.StoryId != 0 && stories.Exists(s => s.Story == story))
                {
                    continue;
                }

                stories.Add((story, article.Id));
            }
        }

        return perChat;
    }

    /// <summary>
    /// Articles stored after the planner's position but never handed to it (a crash between
    /// storing and planning): from the position up to <paramref name="before"/>, or to the
    /// newest stored article when catching up.
    /// </summary>
    private List<Article> Missed(int? before)
    {
        var missed = new List<Article>();
        var from = _plannedThrough + 1;
        while (before is null || from < before)
        {
            var until = before is { } b ? Math.Min(b, from + CatchUpChunk) : from + CatchUpChunk;
            var found = articles.GetMany(Enumerable.Range(from, until - from).ToList());
            missed.AddRange(found);
            if (before is null && found.Count == 0)
            {
                break;
            }

            from = until;
        }

        if (missed.Count > 0)
        {
            logger.LogWarning("Planning pushes for {Count} articles stored but not yet planned (the bot stopped in between)", missed.Count);
        }

        return missed;
    }

    private QueuedStories Load()
    {
        if (_queued is not null)
        {
            return _queued;
        }

        var queued = new QueuedStories();
        foreach (var (chatKey, storyIds, createdAt) in outbox.StoriesQueuedSince(time.GetUtcNow() - QueuedStories.Remembered))
        {
            queued.Add(chatKey, storyIds, createdAt);
        }

        _plannedThrough = outbox.PlannedThrough();
        _queued = queued;
        return queued;
    }
}
