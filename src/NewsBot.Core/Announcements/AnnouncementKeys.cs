namespace NewsBot.Core.Announcements;

/// <summary>
/// The outbox references of announcement entries: the announcement's id for the announcement
/// itself, <c>report:&lt;id&gt;</c> for the delivery report to its author, so the report is
/// never counted among the announcement's own deliveries.
/// </summary>
public static class AnnouncementKeys
{
    private const string ReportPrefix = "report:";

    public static string Reference(int announcementId) => announcementId.ToString(CultureInfo.InvariantCulture);

    public static string ReportReference(int announcementId) => ReportPrefix + Reference(announcementId);

    public static string ReportDedupKey(string chatKey, int announcementId) => $"{chatKey}|{ReportEvent(announcementId)}";

    /// <summary>The event of the report told through the admin notices (<see cref="IAdminNotifier"/>).</summary>
    public static string ReportEvent(int announcementId) => "announcement-report:" + Reference(announcementId);

    /// <summary>Reads a reference back: the id, and whether it stands for the report.</summary>
    public static bool TryRead(string? reference, out int announcementId, out bool isReport)
    {
        announcementId = 0;
        isReport = reference?.StartsWith(ReportPrefix, StringComparison.Ordinal) == true;
        var number = isReport ? reference![ReportPrefix.Length..] : reference;
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out announcementId);
    }
}
