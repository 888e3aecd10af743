using NewsBot.Core.Digests;

namespace NewsBot.Core.Commands.Why;

/// <summary>
/// Explains, for one chat and one article, what became of it: delivered, queued, held by quiet
/// hours, waiting for a digest, failed or blocked; or why it was never planned: no matching
/// subscription (and the closest one), backlog, or a subscription made after it arrived.
/// </summary>
public sealed class DeliveryExplainer(
    IOutboxStore outbox,
    ChatLifecycle chats,
    ISubscriptionStore subscriptions,
    SubscriptionMatcher matcher,
    IDigestCursorStore cursors,
    IDigestDeliveries digests,
    TimeProvider time)
{
    public async Task<string> ExplainAsync(ChatAddress chatAddress, Article article, Texts texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(texts);
        var t = texts;
        var chat = chats.Find(chatAddress);
        var clock = new Clock(ChatZone.Of(chat), ChatZone.NameOf(chat), time.GetUtcNow(), t);
        var entry = await outbox.FindAsync(chatAddress.Key, article.StoryLeadId, cancellationToken).ConfigureAwait(false);
        if (entry is not null)
        {
            return DescribeEntry(entry, chat, clock);
        }

        var own = await subscriptions.ListForChatAsync(chatAddress.Key, cancellationToken).ConfigureAwait(false);
        if (own.Count == 0)
        {
            return t.Get("why.noSubscriptions");
        }

        var matching = matcher.Match(article).Where(s => s.ChatKey == chatAddress.Key).DistinctBy(s => s.Id).ToList();
        if (matching.Count == 0)
        {
            var closest = ClosestSubscription.Find(own, article, t)!.Value;
            return t.Get("why.noMatch", ("name", Name(closest.Subscription, t)), ("reason", closest.Reason));
        }

        if (!article.IsNew)
        {
            return t.Get("why.backlog", ("name", Name(matching[0], t)), ("at", clock.At(article.PublishedAt)));
        }

        var daily = matching.FirstOrDefault(s => s.Mode == DeliveryMode.Daily && s.DailyAt is not null);
        if (daily is not null)
        {
            return await DescribeDigestAsync(daily, article, clock, cancellationToken).ConfigureAwait(false);
        }

        var instant = matching[0];
        if (matching.All(s => s.CreatedAt > article.IngestedAt))
        {
            return t.Get("why.beforeSubscription", ("name", Name(instant, t)), ("arrived", clock.At(article.IngestedAt)), ("made", clock.At(instant.CreatedAt)));
        }

        if (chat is { Active: false })
        {
            return t.Get("why.unreachable", ("id", instant.Id), ("reason", chat.InactiveReason is { } why ? StoredText.Render(why, t) : t.Get("why.noReasonKnown")));
        }

        if (clock.Now - article.IngestedAt > QueuedStories.Remembered)
        {
            return t.Get("why.tooOld", ("name", Name(instant, t)), ("arrived", clock.At(article.IngestedAt)));
        }

        return t.Get("why.notRecorded", ("name", Name(instant, t)));
    }

    private static string Name(Subscription subscription, Texts t) =>
        t.Get("why.name", ("id", subscription.Id), ("subscription", SubscriptionText.Describe(subscription, t)));

    private static string DescribeEntry(OutboxEntry entry, ChatRecord? chat, Clock clock)
    {
        var t = clock.Texts;
        var what = entry.Kind switch
        {
            OutboxKind.Digest => entry.Reference is { } reference ? t.Get("why.inDigestOf", ("id", reference)) : t.Get("why.inDigest"),
            OutboxKind.Announcement => t.Get("why.withAnnouncement"),
            _ => entry.StoryIds.Count > 1 ? t.Count("why.asPushWith", entry.StoryIds.Count - 1) : t.Get("why.asPush"),
        };

        switch (entry.State)
        {
            case OutboxState.Sent:
                return t.Get("why.delivered", ("what", what), ("at", clock.At(entry.SentAt ?? entry.CreatedAt)));
            case OutboxState.Pending:
                var next = entry.NextAttemptAt ?? clock.Now;
                if (entry.Kind == OutboxKind.Story && chat?.Quiet is { } quiet && entry.LastError is null && next > clock.Now && quiet.Contains(entry.CreatedAt, clock.Zone))
                {
                    return t.Get("why.held", ("window", quiet.ToString()), ("zone", clock.ZoneName), ("at", clock.At(next)), ("what", what));
                }

                if (entry.LastError is { } error)
                {
                    return t.Get("why.queuedError", ("what", what), ("error", StoredText.Render(error, t)), ("at", clock.At(next)));
                }

                return next > clock.Now
                    ? t.Get("why.queuedAt", ("what", what), ("at", clock.At(next)))
                    : t.Get("why.queuedSoon", ("what", what));
            case OutboxState.Blocked:
                return t.Get("why.blocked", ("reason", Reason(entry, t, "why.couldNotReach")));
            case OutboxState.Failed:
                return t.Get("why.failed", ("reason", Reason(entry, t, "why.noReasonRecorded")));
            default:
                return t.Get("why.dropped", ("reason", Reason(entry, t, "why.noReasonRecorded")));
        }
    }

    private async Task<string> DescribeDigestAsync(Subscription daily, Article article, Clock clock, CancellationToken cancellationToken)
    {
        var t = clock.Texts;
        var at = daily.DailyAt!.Value;
        var cursor = await cursors.FindAsync(daily.Id, cancellationToken).ConfigureAwait(false);
        var name = Name(daily, t);
        if (digests.FindDigest(daily.ChatKey, daily.Id, article.StoryLeadId) is { } digest)
        {
            return DescribeEntry(digest, null, clock);
        }

        if (cursor is null || article.Id > cursor.LastArticleId)
        {
            var after = cursor?.LastRunAt ?? daily.CreatedAt;
            var nextDigest = DigestClock.DueDate(at, clock.Zone, after, clock.Now) is not null
                ? clock.Now
                : DigestClock.NextDue(at, clock.Zone, after, clock.Now);
            if (cursor is null && nextDigest - article.IngestedAt > DigestScheduler.FirstWindow)
            {
                return t.Get("why.beforeFirstDigest", ("name", name), ("at", clock.At(nextDigest)));
            }

            return t.Get("why.waitingDigest", ("name", name), ("at", clock.At(nextDigest)));
        }

        if (clock.Now - article.IngestedAt > QueuedStories.Remembered)
        {
            return t.Get("why.tooOld", ("name", name), ("arrived", clock.At(article.IngestedAt)));
        }

        return t.Get("why.beforeDigestWindow", ("name", name), ("date", t.DayMonth(cursor.LastLocalDate)));
    }

    private sealed record Clock(TimeZoneInfo Zone, string ZoneName, DateTimeOffset Now, Texts Texts)
    {
        public string At(DateTimeOffset moment) => ChatTime.Format(moment, Zone, ZoneName, Now, Texts);
    }

    /// <summary>Why an entry was not delivered, in the reader's language, or the words of <paramref name="none"/>.</summary>
    private static string Reason(OutboxEntry entry, Texts t, string none) => entry.LastError is { } stored ? StoredText.Render(stored, t) : t.Get(none);
}
