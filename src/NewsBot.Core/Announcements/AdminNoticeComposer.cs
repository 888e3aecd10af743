namespace NewsBot.Core.Announcements;

/// <summary>Renders admin notice entries from the words they carry, already in the admin's language.</summary>
public sealed class AdminNoticeComposer(ChatLifecycle chats) : IOutboxComposer
{
    public OutboxKind Kind => OutboxKind.AdminNotice;

    public ValueTask<Reply?> ComposeAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var t = chats.TextsOf(ChatAddress.Parse(entry.ChatKey));
        return ValueTask.FromResult(entry.Text is { } text ? Reply.Text(t.Get("notice.text", ("text", text))) with { Language = t.Code } : null);
    }
}
