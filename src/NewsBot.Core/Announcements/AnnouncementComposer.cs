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

        if (isReport)
        {
            // The figures are stored right after the report is queued; until then they are the outbox's own.
            var figures = announcement.Figures ?? AnnouncementReports.From(await outbox.CountForAsync(OutboxKind.Announcement, AnnouncementKeys.Reference(id), cancellationToken).ConfigureAwait(false));
            return Reply.Text(AnnouncementReports.Delivered(id, figures));
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

        return For(announcement, isChannel);
    }

    public static Reply For(Announcement announcement, bool toChannel)
    {
        var blocks = new List<ReplyBlock>
        {
            new TextBlock("📣 Announcement", TextStyle.Heading),
            new TextBlock(announcement.Text),
        };
        if (!toChannel)
        {
            blocks.Add(new TextBlock("From the bot's admins. /unsubscribe announcements turns these off for this chat.", TextStyle.Hint));
        }

        return new Reply { Blocks = blocks, PublishToFollowers = toChannel };
    }
}
