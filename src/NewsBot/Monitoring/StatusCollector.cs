namespace NewsBot.Monitoring;

/// <summary>Reads what the status page shows from the stores and the running services.</summary>
internal sealed class StatusCollector(
    ReadinessReport readiness,
    IEnumerable<IChatSender> senders,
    ISourceStore sources,
    IOutboxFigures outboxFigures,
    IOutboxStore outbox,
    IAnnouncementStore announcements,
    DeliveryHistory history,
    TimeProvider time,
    BackupService? backups = null)
{
    public const int AnnouncementsShown = 5;

    public async Task<StatusSnapshot> CollectAsync(CancellationToken cancellationToken)
    {
        var lines = new List<AnnouncementLine>();
        foreach (var a in await announcements.RecentAsync(AnnouncementsShown, cancellationToken).ConfigureAwait(false))
        {
            var counts = await outbox.CountForAsync(OutboxKind.Announcement, AnnouncementKeys.Reference(a.Id), cancellationToken).ConfigureAwait(false);
            var figures = a.Figures ?? new DeliveryFigures(counts.Sent, counts.Failed, counts.Blocked);
            lines.Add(new AnnouncementLine(a, a.Figures is null ? counts.Pending : 0, figures));
        }

        return new StatusSnapshot(
            time.GetUtcNow(),
            await readiness.RunAsync(cancellationToken).ConfigureAwait(false),
            senders.Select(s => s.Platform).Distinct(StringComparer.Ordinal).ToList(),
            (await sources.AllAsync(cancellationToken).ConfigureAwait(false)).OrderBy(s => s.Id).ToList(),
            outboxFigures.PendingByKind(),
            history.Snapshot(),
            lines,
            Backup());
    }

    private BackupLine? Backup()
    {
        if (backups is null)
        {
            return null;
        }

        var newest = DatabaseBackup.List(backups.Directory);
        var status = backups.Status;
        return new BackupLine(
            backups.Directory,
            newest.Count > 0 ? newest[0].Path : null,
            newest.Count > 0 ? newest[0].At : null,
            status.LastError,
            status.LastErrorAt);
    }
}
