namespace NewsBot.Core.Announcements;

/// <summary>
/// Renders announcement entries: the announcement under a heading, or its delivery report.
/// Nothing is sent when the announcement is unknown or the chat opted out after it was queued.
/// </summary>
public sealed class AnnouncementComposer(
    IAnnouncementStore announcements,
    AnnouncementAudience audience,
    ChatLifecycle chats,
    IOutboxStore outbox) : IOutboxComposer
{
    public OutboxKind Kind => OutboxKind.Announcement;

    public async ValueTask<Reply?> ComposeAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (!AnnouncementKeys.TryRead(entry.Reference, out var id, out var isReport) || await announcements.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } announcement)
        {
            return null;
        }

        var t = chats.TextsOf(ChatAddress.Parse(entry.ChatKey));
        if (isReport)
        {
            // The figures are stored right after the report is queued; until then they are the outbox's own.
            var figures = announcement.Figures ?? AnnouncementReports.From(await outbox.CountForAsync(OutboxKind.Announcement, AnnouncementKeys.Reference(id), cancellationToken).ConfigureAwait(false));
            return Reply.Text(AnnouncementReports.Delivered(id, figures, t)) with { Language = t.Code };
        }

        if (announcement.State is AnnouncementState.Draft or AnnouncementState.Cancelled)
        {
            return null;
        }

        var isChannel = audience.IsChannel(entry.ChatKey);
        if (!isChannel && chats.Find(ChatAddress.Parse(entry.ChatKey)) is { AnnouncementsMuted: true })
        {
            return null;
        }

        return For(announcement, isChannel, t);
    }

    /// <summary>The announcement under a heading in the chat's language; its own text is the admin's, as written.</summary>
    public static Reply For(Announcement announcement, bool toChannel, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        ArgumentNullException.ThrowIfNull(texts);
        var blocks = new List<ReplyBlock>
        {
            new TextBlock(texts.Get("announcement.heading"), TextStyle.Heading),
            new TextBlock(announcement.Text),
        };
        if (!toChannel)
        {
            blocks.Add(new TextBlock(texts.Get("announcement.from"), TextStyle.Hint));
        }

        return new Reply { Blocks = blocks, PublishToFollowers = toChannel, Language = texts.Code };
    }
}
