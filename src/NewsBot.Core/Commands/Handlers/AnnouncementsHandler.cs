using NewsBot.Core.Announcements;

namespace NewsBot.Core.Commands.Handlers;

/// <summary><c>/announcements</c>: the latest announcements with how their delivery went.</summary>
public sealed class AnnouncementsHandler(IAnnouncementStore announcements, IOutboxStore outbox) : ICommandHandler
{
    public const int Shown = 10;

    public CommandInfo Command => CommandCatalog.Announcements;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        var recent = await announcements.RecentAsync(Shown, cancellationToken).ConfigureAwait(false);
        if (recent.Count == 0)
        {
            return Reply.Text(t.Get("announcements.none"));
        }

        var entries = new List<ListEntry>(recent.Count);
        foreach (var a in recent)
        {
            entries.Add(new ListEntry(
                t.Get("announcements.entry", ("id", a.Id), ("time", t.DateTime(a.CreatedAt.ToUniversalTime())), ("status", await StatusAsync(a, t, cancellationToken).ConfigureAwait(false))),
                Excerpt(a.Text)));
        }
        return new Reply
        {
            Blocks =
            [
                new TextBlock(t.Get("announcements.heading"), TextStyle.Heading),
                new EntryListBlock(entries),
                new TextBlock(t.Get("announcements.hint"), TextStyle.Hint),
            ],
            SuppressLinkPreview = true,
            IsPersonal = true,
        };
    }

    private async Task<string> StatusAsync(Announcement announcement, Texts t, CancellationToken cancellationToken)
    {
        switch (announcement.State)
        {
            case AnnouncementState.Draft:
                return t.Get("announcements.draft");
            case AnnouncementState.Cancelled:
                return t.Get("announcements.cancelled");
            case AnnouncementState.Delivered:
                return t.Get("announcements.delivered", ("recipients", t.Number(announcement.Recipients)), ("figures", AnnouncementReports.Figures(announcement.Figures ?? new DeliveryFigures(0, 0, 0), t)));
            default:
                if (!announcement.Queued)
                {
                    return t.Get("announcements.queuing");
                }

                var counts = await outbox.CountForAsync(OutboxKind.Announcement, AnnouncementKeys.Reference(announcement.Id), cancellationToken).ConfigureAwait(false);
                return t.Get("announcements.sending", ("recipients", t.Number(announcement.Recipients)), ("pending", t.Number(counts.Pending)), ("figures", AnnouncementReports.Figures(AnnouncementReports.From(counts), t)));
        }
    }

    private static string Excerpt(string text) => Quoted.Shorten(text, 80);
}
