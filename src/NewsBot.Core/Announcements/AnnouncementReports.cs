namespace NewsBot.Core.Announcements;

/// <summary>The words of the delivery report and of the figures in lists.</summary>
public static class AnnouncementReports
{
    public static string Delivered(int id, DeliveryFigures figures) =>
        $"Announcement #{id} delivered: {Figures(figures)}";

    public static string Figures(DeliveryFigures figures) =>
        $"{Number(figures.Sent)} sent, {Number(figures.Failed)} failed, {Number(figures.Blocked)} blocked";

    public static DeliveryFigures From(OutboxCounts counts) => new(counts.Sent, counts.Failed, counts.Blocked);

    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
