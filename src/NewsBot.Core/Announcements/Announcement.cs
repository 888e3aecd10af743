namespace NewsBot.Core.Announcements;

/// <summary>A message from the bot's admins to every chat that has not opted out.</summary>
/// <param name="Id">The number shown to admins (<c>/announce send 3</c>).</param>
/// <param name="AuthorKey">The admin who wrote it, as <c>platform:id</c>.</param>
/// <param name="ReportChatKey">The author's private chat it was written in, where the delivery report goes; null when it was written in a group (the report then goes to every admin).</param>
/// <param name="Text">What every chat receives.</param>
/// <param name="State">Where it is in its life.</param>
/// <param name="CreatedAt">When the preview was made.</param>
public sealed record Announcement(
    int Id,
    string AuthorKey,
    string? ReportChatKey,
    string Text,
    AnnouncementState State,
    DateTimeOffset CreatedAt)
{
    public DateTimeOffset? ConfirmedAt { get; init; }

    /// <summary>Every recipient is in the outbox; until then a restart carries on putting them there.</summary>
    public bool Queued { get; init; }

    /// <summary>How many chats and channels it was put into the outbox for.</summary>
    public int Recipients { get; init; }

    public DateTimeOffset? ReportedAt { get; init; }

    /// <summary>The final figures, kept once the report is made; null before.</summary>
    public DeliveryFigures? Figures { get; init; }
}
