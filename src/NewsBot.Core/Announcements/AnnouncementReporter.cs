namespace NewsBot.Core.Announcements;

/// <summary>
/// Tells an announcement's author how it went once nothing of it is pending any more:
/// "Announcement #3 delivered: 1,204 sent, 3 failed, 17 blocked". The report goes through the
/// outbox to the private chat the announcement was written in; written in a group, or where
/// the bot cannot push (the terminal), it goes to the admins through the admin notifier.
/// </summary>
public sealed class AnnouncementReporter(
    IAnnouncementStore announcements,
    AnnouncementAudience audience,
    IOutboxStore outbox,
    IAdminNotifier notifier,
    TimeProvider time,
    ILogger<AnnouncementReporter> logger)
{
    /// <summary>Reports every announcement that has finished; returns how many.</summary>
    public async Task<int> ReportFinishedAsync(CancellationToken cancellationToken)
    {
        var reported = 0;
        foreach (var announcement in (await announcements.InFlightAsync(cancellationToken).ConfigureAwait(false)).Where(a => a.Queued))
        {
            var counts = await outbox.CountForAsync(OutboxKind.Announcement, AnnouncementKeys.Reference(announcement.Id), cancellationToken).ConfigureAwait(false);
            if (counts.Pending > 0)
            {
                continue;
            }

            var figures = AnnouncementReports.From(counts);
            var now = time.GetUtcNow();
            if (announcement.ReportChatKey is { } chatKey && audience.Reaches(ChatAddress.Parse(chatKey).Platform))
            {
                await outbox.EnqueueAsync([OutboxEntry.ForComposed(
                    chatKey, OutboxKind.Announcement, AnnouncementKeys.ReportDedupKey(chatKey, announcement.Id), AnnouncementKeys.ReportReference(announcement.Id), now)], cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await notifier.NotifyAsync(AnnouncementKeys.ReportEvent(announcement.Id), t => AnnouncementReports.Delivered(announcement.Id, figures, t), cancellationToken).ConfigureAwait(false);
            }

            await announcements.MarkDeliveredAsync(announcement.Id, figures, now, cancellationToken).ConfigureAwait(false);
            logger.LogFinished(announcement.Id, figures.Sent, figures.Failed, figures.Blocked);
            reported++;
        }

        return reported;
    }
}
