namespace NewsBot.Core.Announcements;

/// <summary>Renders admin notice entries from the words they carry.</summary>
public sealed class AdminNoticeComposer : IOutboxComposer
{
    public OutboxKind Kind => OutboxKind.AdminNotice;

    public ValueTask<Reply?> ComposeAsync(OutboxEntry entry, CancellationToken cancellationToken) =>
        ValueTask.FromResult(entry.Text is { } text ? Reply.Text("Admin notice: " + text) : null);
}
