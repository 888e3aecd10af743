using System.Globalization;
using NewsBot.Core.Announcements;
using NewsBot.Core.Delivery;
using NewsBot.Core.Replies;

namespace NewsBot.Core.Commands.Handlers;

/// <summary><c>/announcements</c>: the latest announcements with how their delivery went.</summary>
public sealed class AnnouncementsHandler(IAnnouncementStore announcements, IOutboxStore outbox) : ICommandHandler
{
    public const int Shown = 10;

    public CommandInfo Command => CommandCatalog.Announcements;

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var recent = announcements.Recent(Shown);
        if (recent.Count == 0)
        {
            return ValueTask.FromResult(Reply.Text("No announcement has been made yet. Write one with /announce <text>; you see a preview first."));
        }

        var entries = recent.Select(a => new ListEntry(
            $"#{a.Id} · {a.CreatedAt.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC · {Status(a)}",
            Excerpt(a.Text))).ToList();
        return ValueTask.FromResult(new Reply
        {
            Blocks =
            [
                new TextBlock("Announcements, newest first", TextStyle.Heading),
                new EntryListBlock(entries),
                new TextBlock("/announce <text> writes a new one.", TextStyle.Hint),
            ],
            SuppressLinkPreview = true,
            IsPersonal = true,
        });
    }

    private string Status(Announcement announcement)
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

                var counts = outbox.CountFor(OutboxKind.Announcement, AnnouncementKeys.Reference(announcement.Id));
                return $"sending to {AnnouncementReports.Number(announcement.Recipients)}: {AnnouncementReports.Number(counts.Pending)} waiting, {AnnouncementReports.Figures(AnnouncementReports.From(counts))}";
        }
    }

    private static string Excerpt(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
