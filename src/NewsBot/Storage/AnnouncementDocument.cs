namespace NewsBot.Storage;

internal sealed class AnnouncementDocument
{
    public int Id { get; set; }
    public string AuthorKey { get; set; } = "";
    public string? ReportChatKey { get; set; }
    public string Text { get; set; } = "";
    public string State { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public bool Queued { get; set; }
    public int Recipients { get; set; }
    public DateTime? ReportedAt { get; set; }
    public int? Sent { get; set; }
    public int? Failed { get; set; }
    public int? Blocked { get; set; }
}
