using NewsBot.Core.Announcements;

namespace NewsBot.Core.Commands.Handlers;

/// <summary><c>/announcements</c>: the latest announcements with how their delivery went.</summary>
public sealed class AnnouncementsHandler(IAnnouncementStore announcements, IOutboxStore outbox) : ICommandHandler
{
    public const int Shown = 10;

    public CommandInfo Command => CommandCatalog.Announcements;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var recent = await announcements.RecentAsync(Shown, cancellationToken).ConfigureAwait(false);
        if (recent.Count == 0)
        {
            return Reply.Text("No announcement has been made yet. Write one with /announce <text>; you see a preview first.");
        }

        var entries = new List<ListEntry>(recent.Count);
        foreach (var a in recent)
        {
            entries.Add(new ListEntry(
                $"#{a.Id} · {a.CreatedAt.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC · {await StatusAsync(a, cancellationToken).ConfigureAwait(false)}",
                Excerpt(a.Text)));
        }
        return new Reply
        {
            Blocks =
            [
                new TextBlock("Announcements, newest first", TextStyle.Heading),
                new EntryListBlock(entries),
                new TextBlock("/announce <text> writes a new one.", TextStyle.Hint),
            ],
            SuppressLinkPreview = true,
            IsPersonal = true,
        };
    }

    private async Task<string> StatusAsync(Announcement announcement, CancellationToken cancellationToken)
    {
        switch (announcement.State)
        {
            case AnnouncementState.Draft:
                return "preview only, not sent";
            case AnnouncementState.Cancelled:
                return "cancelled";
            case AnnouncementState.Delivered:
                return $"delivered to {AnnouncementReports.Number(announcement.Recipients)}: {AnnouncementReports.Figures(announcement.Figures ?? new DeliveryFigures(0, 0, 0))}";
            default:
                if (!announcement.Queued)
                {
                    return "confirmed, being queued";
                }

                var counts = await outbox.CountForAsync(OutboxKind.Announcement, AnnouncementKeys.Reference(announcement.Id), cancellationToken).ConfigureAwait(false);
                return $"sending to {AnnouncementReports.Number(announcement.Recipients)}: {AnnouncementReports.Number(counts.Pending)} waiting, {AnnouncementReports.Figures(AnnouncementReports.From(counts))}";
        }
    }

    private static string Excerpt(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
