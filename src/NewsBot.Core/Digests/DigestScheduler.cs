namespace NewsBot.Core.Digests;

/// <summary>
/// Makes the daily digests whose local time has come: for each, the new matches since that
/// subscription's last digest (at most the last 24 hours for its first), put into the outbox as
/// one digest entry with the top stories. Nothing is sent when nothing matched. The entry's
/// key is unique per chat, subscription and local date, and the cursor moves only after the
/// entry is written, so a crash in between sends the digest once all the same.
/// </summary>
public sealed class DigestScheduler(
    DigestSchedule schedule,
    ChatLifecycle chats,
    IDigestCursorStore cursors,
    IArticleHistory history,
    SubscriptionMatcher matcher,
    IOutboxStore outbox,
    IEnumerable<IChatSender> senders,
    TimeProvider time,
    ILogger<DigestScheduler> logger)
{
    private readonly HashSet<string> _platforms = senders.Select(s => s.Platform).ToHashSet(StringComparer.Ordinal);

    /// <summary>Stories listed in a digest; the rest are counted.</summary>
    public const int Listed = 5;

    /// <summary>A first digest looks back this far.</summary>
    public static readonly TimeSpan FirstWindow = TimeSpan.FromHours(24);

    /// <summary>However long since the last digest (the bot was down for days), a digest looks back no further.</summary>
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(7);

    /// <summary>Puts every digest due now into the outbox; returns how many digests were queued.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await FindDueAsync(now, cancellationToken).ConfigureAwait(false);
        if (due.Count == 0)
        {
            return 0;
        }

        var upToId = history.LatestId();
        var oldestWindow = due.Min(d => d.StoredSince);
        var lowestId = due.Min(d => d.AfterId);
        var articles = lowestId >= upToId ? [] : history.StoredBetween(lowestId, upToId, oldestWindow);
        var matches = Collect(due, articles);

        var entries = new List<OutboxEntry>();
        var moved = new List<DigestCursor>();
        foreach (var digest in due)
        {
            var found = matches.GetValueOrDefault(digest.Subscription.Id);
            if (found is { Count: > 0 } && digest.Deliverable)
            {
                entries.Add(EntryFor(digest, found, now));
            }

            moved.Add(new DigestCursor(digest.Subscription.Id, Math.Max(upToId, digest.AfterId), now, digest.Date));
            schedule.Postpone(digest.Subscription.Id, LocalClock.Next(digest.Subscription.DailyAt!.Value, digest.Zone, now));
        }

        var added = entries.Count == 0 ? 0 : await outbox.EnqueueAsync(entries, cancellationToken).ConfigureAwait(false);
        await cursors.SaveAsync(moved, cancellationToken).ConfigureAwait(false);
        logger.LogDigestRound(due.Count, added, due.Count - entries.Count);
        return added;
    }

    /// <summary>The article ids a digest lists, best first: the most widely reported stories, then the newest.</summary>
    public static IReadOnlyList<Article> Rank(IEnumerable<Article> matches) =>
        matches
            .GroupBy(a => a.StoryLeadId)
            .OrderByDescending(story => story.Count())
            .ThenByDescending(story => story.Max(a => a.PublishedAt))
            .ThenByDescending(story => story.Key)
            .Select(story => story.MinBy(a => a.Id)!)
            .ToList();

    private async Task<List<DueDigest>> FindDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = new List<DueDigest>();
        var chatCache = new Dictionary<string, ChatRecord?>(StringComparer.Ordinal);
        foreach (var subscription in schedule.Candidates(now))
        {
            if (!chatCache.TryGetValue(subscription.ChatKey, out var chat))
            {
                chat = chats.Find(ChatAddress.Parse(subscription.ChatKey));
                chatCache[subscription.ChatKey] = chat;
            }

            var zone = ChatZone.Of(chat);
            var at = subscription.DailyAt!.Value;
            var cursor = await cursors.FindAsync(subscription.Id, cancellationToken).ConfigureAwait(false);
            var after = cursor?.LastRunAt ?? subscription.CreatedAt;
            var date = DigestClock.DueDate(at, zone, after, now);
            if (date is null || date == cursor?.LastLocalDate)
            {
                // Not yet, or already made for this local date (the chat moved to a zone behind).
                schedule.Postpone(subscription.Id, date is null ? DigestClock.NextDue(at, zone, after, now) : LocalClock.Next(at, zone, now));
                continue;
            }

            var storedSince = cursor is null ? now - FirstWindow : now - LongestWindow;
            // An inactive chat, or one on a platform the bot cannot push to (the terminal), gets no
            // digest, but its cursor moves on, so that a chat coming back is not sent old news.
            var deliverable = chat is not { Active: false } && _platforms.Contains(ChatAddress.Parse(subscription.ChatKey).Platform);
            due.Add(new DueDigest(subscription, date.Value, zone, cursor?.LastArticleId ?? 0, storedSince, deliverable));
        }

        return due;
    }

    private Dictionary<int, List<Article>> Collect(List<DueDigest> due, IReadOnlyList<Article> articles)
    {
        var byId = due.ToDictionary(d => d.Subscription.Id);
        var matches = new Dictionary<int, List<Article>>();
        foreach (var article in articles)
        {
            // Backlog (a new source's first read, items too old) is not news, in a digest as in a push.
            if (!article.IsNew)
            {
                continue;
            }

            foreach (var subscription in matcher.Match(article))
            {
                if (byId.TryGetValue(subscription.Id, out var digest) && article.Id > digest.AfterId && article.IngestedAt >= digest.StoredSince)
                {
                    if (!matches.TryGetValue(subscription.Id, out var list))
                    {
                        list = [];
                        matches[subscription.Id] = list;
                    }

                    list.Add(article);
                }
            }
        }

        return matches;
    }

    /// <remarks>
    /// The entry carries every story the digest counts, best first, each with the article that
    /// shows it: the composer lists the first <see cref="Listed"/> and counts the rest, and
    /// <c>/why</c> finds a story in it. The text is composed when it is sent.
    /// </remarks>
    private static OutboxEntry EntryFor(DueDigest digest, List<Article> found, DateTimeOffset now)
    {
        var ranked = Rank(found);
        var chatKey = digest.Subscription.ChatKey;
        return OutboxEntry.ForComposed(
            chatKey,
            OutboxKind.Digest,
            OutboxKeys.Digest(chatKey, digest.Subscription.Id, digest.Date),
            digest.Subscription.Id.ToString(CultureInfo.InvariantCulture),
            now) with
        {
            StoryIds = ranked.Select(a => a.StoryLeadId).ToList(),
            ArticleIds = ranked.Select(a => a.Id).ToList(),
        };
    }

    private sealed record DueDigest(Subscription Subscription, DateOnly Date, TimeZoneInfo Zone, int AfterId, DateTimeOffset StoredSince, bool Deliverable);
}
