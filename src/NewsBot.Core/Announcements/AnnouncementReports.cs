namespace NewsBot.Core.Announcements;

/// <summary>The words of the delivery report and of the figures in lists.</summary>
public static class AnnouncementReports
{
    public static string Delivered(int id, DeliveryFigures figures, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Get("announcements.report", ("id", id), ("figures", Figures(figures, texts)));
    }

    public static string Figures(DeliveryFigures figures, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Get("announcements.figures", ("sent", texts.Number(figures.Sent)), ("failed", texts.Number(figures.Failed)), ("blocked", texts.Number(figures.Blocked)));
    }

    public static DeliveryFigures From(OutboxCounts counts) => new(counts.Sent, counts.Failed, counts.Blocked);
}
