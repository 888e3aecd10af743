namespace NewsBot.Core.Announcements;

/// <summary>
/// Puts each confirmed announcement into the outbox, one entry per recipient, a batch per
/// transaction, so that 100,000 chats neither hold one long transaction nor keep the person
/// who pressed Send waiting. Entry keys are unique per (chat, announcement): after a crash half
/// way, running again adds only the recipients that are missing.
/// </summary>
public sealed class AnnouncementFanOut(
    IAnnouncementStore announcements,
    AnnouncementAudience audience,
    IOutboxStore outbox,
    TimeProvider time,
    ILogger<AnnouncementFanOut> logger)
{
    public const int BatchSize = 1000;

    /// <summary>Queues every confirmed announcement that is not queued yet; returns how many entries were added.</summary>
    public async Task<int> QueueConfirmedAsync(CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var announcement in (await announcements.InFlightAsync(cancellationToken).ConfigureAwait(false)).Where(a => !a.Queued))
        {
            var recipients = audience.Recipients();
            var reference = AnnouncementKeys.Reference(announcement.Id);
            foreach (var batch in recipients.Chunk(BatchSize))
            {
                var now = time.GetUtcNow();
                added += await outbox.EnqueueAsync(batch
                    .Select(chatKey => OutboxEntry.ForComposed(chatKey, OutboxKind.Announcement, OutboxKeys.Announcement(chatKey, reference), reference, now))
                    .ToList(), cancellationToken).ConfigureAwait(false);
            }

            await announcements.MarkQueuedAsync(announcement.Id, recipients.Count, cancellationToken).ConfigureAwait(false);
            logger.LogQueued(announcement.Id, recipients.Count);
        }

        return added;
    }
}
