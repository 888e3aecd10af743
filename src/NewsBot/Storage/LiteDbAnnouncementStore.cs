namespace NewsBot.Storage;

internal sealed class LiteDbAnnouncementStore(NewsBotDatabase database) : IAnnouncementStore
{
    private readonly Lock _writeLock = new();

    public ValueTask<Announcement> AddDraftAsync(string authorKey, string? reportChatKey, string text, DateTimeOffset at, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AddDraft(authorKey, reportChatKey, text, at));

    public ValueTask<Announcement?> GetAsync(int id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Get(id));

    public ValueTask<bool> ConfirmAsync(int id, DateTimeOffset at, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Confirm(id, at));

    public ValueTask<bool> CancelAsync(int id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Cancel(id));

    public ValueTask MarkQueuedAsync(int id, int recipients, CancellationToken cancellationToken)
    {
        MarkQueued(id, recipients);
        return ValueTask.CompletedTask;
    }

    public ValueTask MarkDeliveredAsync(int id, DeliveryFigures figures, DateTimeOffset at, CancellationToken cancellationToken)
    {
        MarkDelivered(id, figures, at);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<Announcement>> InFlightAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<Announcement>>(InFlight());

    public ValueTask<IReadOnlyList<Announcement>> RecentAsync(int take, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<Announcement>>(Recent(take));

    private Announcement AddDraft(string authorKey, string? reportChatKey, string text, DateTimeOffset at)
    {
        var document = new AnnouncementDocument
        {
            AuthorKey = authorKey,
            ReportChatKey = reportChatKey,
            Text = text,
            State = AnnouncementState.Draft.ToString(),
            CreatedAt = Dates.ToStored(at),
        };
        database.Announcements.Insert(document);
        return ToAnnouncement(document);
    }

    private Announcement? Get(int id)
    {
        var document = database.Announcements.FindById(id);
        return document is null ? null : ToAnnouncement(document);
    }

    private bool Confirm(int id, DateTimeOffset at) =>
        Move(id, AnnouncementState.Draft, d =>
        {
            d.State = AnnouncementState.Sending.ToString();
            d.ConfirmedAt = Dates.ToStored(at);
        });

    private bool Cancel(int id) =>
        Move(id, AnnouncementState.Draft, d => d.State = AnnouncementState.Cancelled.ToString());

    private void MarkQueued(int id, int recipients) =>
        Move(id, AnnouncementState.Sending, d =>
        {
            d.Queued = true;
            d.Recipients = recipients;
        });

    private void MarkDelivered(int id, DeliveryFigures figures, DateTimeOffset at) =>
        Move(id, AnnouncementState.Sending, d =>
        {
            d.State = AnnouncementState.Delivered.ToString();
            d.ReportedAt = Dates.ToStored(at);
            d.Sent = figures.Sent;
            d.Failed = figures.Failed;
            d.Blocked = figures.Blocked;
        });

    private List<Announcement> InFlight()
    {
        var sending = AnnouncementState.Sending.ToString();
        return database.Announcements.Find(a => a.State == sending).OrderBy(a => a.Id).Select(ToAnnouncement).ToList();
    }

    private List<Announcement> Recent(int take) =>
        database.Announcements.Query().OrderByDescending(a => a.Id).Limit(take).ToList().Select(ToAnnouncement).ToList();

    // Check and change under one lock, so two presses of Send cannot both see a draft.
    private bool Move(int id, AnnouncementState from, Action<AnnouncementDocument> change)
    {
        lock (_writeLock)
        {
            var document = database.Announcements.FindById(id);
            if (document is null || document.State != from.ToString())
            {
                return false;
            }

            change(document);
            database.Announcements.Update(document);
            return true;
        }
    }

    private static Announcement ToAnnouncement(AnnouncementDocument d) => new(
        d.Id,
        d.AuthorKey,
        d.ReportChatKey,
        d.Text,
        Enum.TryParse<AnnouncementState>(d.State, out var state) ? state : AnnouncementState.Cancelled,
        Dates.FromStored(d.CreatedAt))
    {
        ConfirmedAt = Dates.FromStored(d.ConfirmedAt),
        Queued = d.Queued,
        Recipients = d.Recipients,
        ReportedAt = Dates.FromStored(d.ReportedAt),
        Figures = d.Sent is { } sent ? new DeliveryFigures(sent, d.Failed ?? 0, d.Blocked ?? 0) : null,
    };
}
