namespace NewsBot.Monitoring;

/// <summary>Everything the status page shows, read at one moment.</summary>
internal sealed record StatusSnapshot(
    DateTimeOffset At,
    IReadOnlyList<(string Name, CheckResult Result)> Checks,
    IReadOnlyList<string> Platforms,
    IReadOnlyList<FeedSource> Sources,
    IReadOnlyDictionary<string, int> PendingByKind,
    IReadOnlyList<HistoryPoint> History,
    IReadOnlyList<AnnouncementLine> Announcements,
    BackupLine? Backup);

/// <summary>One announcement with its delivery figures so far (final once reported).</summary>
internal sealed record AnnouncementLine(Announcement Announcement, int Pending, DeliveryFigures Figures);

/// <summary>The newest backup on disk and the last failure of this process, if any.</summary>
internal sealed record BackupLine(string Directory, string? NewestPath, DateTimeOffset? NewestAt, string? LastError, DateTimeOffset? LastErrorAt);
