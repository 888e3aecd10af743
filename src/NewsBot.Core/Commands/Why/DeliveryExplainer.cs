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
    public async Task<string> ExplainAsync(ChatAddress chatAddress, Article article, CancellationToken cancellationToken)
    {
        var chat = chats.Find(chatAddress);
        var clock = new Clock(ChatZone.Of(chat), ChatZone.NameOf(chat), time.GetUtcNow());
        var entry = await outbox.FindAsync(chatAddress.Key, article.StoryLeadId, cancellationToken).ConfigureAwait(false);
        if (entry is not null)
        {
            return DescribeEntry(entry, chat, clock);
        }

        var own = await subscriptions.ListForChatAsync(chatAddress.Key, cancellationToken).ConfigureAwait(false);
        if (own.Count == 0)
        {
            return "This chat has no subscriptions, so nothing is pushed here. /subscribe <topic or words> starts one.";
        }

        var matching = matcher.Match(article).Where(s => s.ChatKey == chatAddress.Key).DistinctBy(s => s.Id).ToList();
        if (matching.Count == 0)
        {
            var closest = ClosestSubscription.Find(own, article)!.Value;
            return $"No subscription here matches it. The closest is #{closest.Subscription.Id} ({SubscriptionText.Describe(closest.Subscription)}): {closest.Reason}.";
        }

        if (!article.IsNew)
        {
            return $"It matches #{matching[0].Id} ({SubscriptionText.Describe(matching[0])}), but it was in the backlog of a new source or too old when it was read ({clock.At(article.PublishedAt)}), so it was not pushed and is in no digest. Only news that arrives later is.";
        }

        var daily = matching.FirstOrDefault(s => s.Mode == DeliveryMode.Daily && s.DailyAt is not null);
        if (daily is not null)
        {
            return await DescribeDigestAsync(daily, article, clock, cancellationToken).ConfigureAwait(false);
        }

        var instant = matching[0];
        if (matching.All(s => s.CreatedAt > article.IngestedAt))
        {
            return $"It matches #{instant.Id} ({SubscriptionText.Describe(instant)}), but it arrived at {clock.At(article.IngestedAt)}, before that subscription was made ({clock.At(instant.CreatedAt)}). Only articles that arrive after a subscription is made are pushed.";
        }

        if (chat is { Active: false })
        {
            return $"It matches #{instant.Id}, but this chat was unreachable ({chat.InactiveReason ?? "no reason known"}), so nothing was queued for it.";
        }

        if (clock.Now - article.IngestedAt > QueuedStories.Remembered)
        {
            return $"It matches #{instant.Id} ({SubscriptionText.Describe(instant)}) and arrived at {clock.At(article.IngestedAt)}; delivery records that old are no longer kept.";
        }

        return $"It matches #{instant.Id} ({SubscriptionText.Describe(instant)}), but no push of it to this chat is recorded: it may have arrived while the chat was unreachable, or it is being planned right now.";
    }

    private static string DescribeEntry(OutboxEntry entry, ChatRecord? chat, Clock clock)
    {
        var what = entry.Kind switch
        {
            OutboxKind.Digest => "in the daily digest" + DigestName(entry),
            OutboxKind.Announcement => "with an announcement",
            _ => entry.StoryIds.Count > 1 ? $"as a push, listed with {entry.StoryIds.Count - 1} other new articles" : "as a push",
        };

        switch (entry.State)
        {
            case OutboxState.Sent:
                return $"Delivered here {what} at {clock.At(entry.SentAt ?? entry.CreatedAt)}.";
            case OutboxState.Pending:
                var next = entry.NextAttemptAt ?? clock.Now;
                if (entry.Kind == OutboxKind.Story && chat?.Quiet is { } quiet && entry.LastError is null && next > clock.Now && quiet.Contains(entry.CreatedAt, clock.Zone))
                {
                    return $"Held by this chat's quiet hours ({quiet} {clock.ZoneName}) until {clock.At(next)}; it goes out {what} then.";
                }

                if (entry.LastError is { } error)
                {
                    return $"Queued {what}; the last attempt did not go through ({error}). Next attempt at {clock.At(next)}.";
                }

                return next > clock.Now
                    ? $"Queued {what}; it goes out at {clock.At(next)}."
                    : $"Queued {what}; it goes out within moments.";
            case OutboxState.Blocked:
                return $"Not delivered: blocked — {entry.LastError ?? "this chat could not be reached"}. Sending /start here lets the bot write again.";
            case OutboxState.Failed:
                return $"Not delivered: failed — {entry.LastError ?? "no reason recorded"}.";
            default:
                return $"Not delivered: there was nothing to send any more ({entry.LastError ?? "no reason recorded"}).";
        }
    }

    private async Task<string> DescribeDigestAsync(Subscription daily, Article article, Clock clock, CancellationToken cancellationToken)
    {
        var at = daily.DailyAt!.Value;
        var cursor = await cursors.FindAsync(daily.Id, cancellationToken).ConfigureAwait(false);
        var name = $"#{daily.Id} ({SubscriptionText.Describe(daily)})";
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
                return $"It matches {name}, but it arrived more than 24 hours before that subscription's first digest ({clock.At(nextDigest)}), which covers the last 24 hours only.";
            }

            return $"Waiting for the daily digest {name} at {clock.At(nextDigest)}.";
        }

        if (clock.Now - article.IngestedAt > QueuedStories.Remembered)
        {
            return $"It matches {name} and arrived at {clock.At(article.IngestedAt)}; delivery records that old are no longer kept.";
        }

        return $"It matches {name}, but it arrived before the window of the digest of {cursor.LastLocalDate.ToString("d MMM", CultureInfo.InvariantCulture)} (a first digest looks back 24 hours), so it is in no digest.";
    }

    private static string DigestName(OutboxEntry entry) =>
        entry.Reference is { } reference ? $" of subscription #{reference}" : string.Empty;

    private sealed record Clock(TimeZoneInfo Zone, string ZoneName, DateTimeOffset Now)
    {
        public string At(DateTimeOffset moment) => ChatTime.Format(moment, Zone, ZoneName, Now);
    }
}
