using NewsBot.Core.Announcements;

namespace NewsBot.Core.Commands.Handlers;

/// <summary>
/// <c>/announce &lt;text&gt;</c> shows a preview with [Send to N chats] [Cancel]; the buttons
/// carry <c>/announce send &lt;id&gt;</c> and <c>/announce cancel &lt;id&gt;</c>. Sending happens
/// in the background through the outbox; pressing Send twice sends once.
/// </summary>
public sealed class AnnounceHandler(IAnnouncementStore announcements, AnnouncementAudience audience, TimeProvider time) : ICommandHandler
{
    /// <summary>
    /// Below the parser's input limit, so that a longer text, which arrives cut short, is refused
    /// rather than sent in part.
    /// </summary>
    public const int MaxLength = CommandParser.MaxInputLength - 100;

    public CommandInfo Command => CommandCatalog.Announce;

    // Meant for the admin who typed it, even in a group: Discord shows it to them alone.
    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        (await AnswerAsync(request, cancellationToken).ConfigureAwait(false)) with { IsPersonal = true };

    private async Task<Reply> AnswerAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        var text = request.Arguments.Trim();
        if (text.Length == 0)
        {
            return Reply.Problem(t.Get("announce.missing"));
        }

        var parts = text.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && TryReadId(parts[1], out var id))
        {
            if (string.Equals(parts[0], "send", StringComparison.OrdinalIgnoreCase))
            {
                return await SendAsync(id, t, cancellationToken).ConfigureAwait(false);
            }

            if (string.Equals(parts[0], "cancel", StringComparison.OrdinalIgnoreCase))
            {
                return await CancelAsync(id, t, cancellationToken).ConfigureAwait(false);
            }
        }

        if (text.Length > MaxLength)
        {
            return Reply.Problem(t.Get("announce.tooLong", ("max", t.Number(MaxLength))));
        }

        var draft = await announcements.AddDraftAsync(request.Message.User.Key, request.Message.IsPrivate ? request.Message.Chat.Key : null, text, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return Preview(draft, t);
    }

    private Reply Preview(Announcement draft, Texts t)
    {
        var recipients = audience.Recipients().Count;
        var channels = audience.Channels().Count;
        var chatsOnly = recipients - channels;
        var reach = channels > 0
            ? t.Get("announce.reachChannels", ("chats", t.Count("count.chats", chatsOnly)), ("channels", t.Count("count.announcementChannels", channels)))
            : t.Get("announce.reach", ("chats", t.Count("count.chats", chatsOnly)));
        var blocks = new List<ReplyBlock>
        {
            new TextBlock(t.Get("announce.previewHeading", ("id", draft.Id)), TextStyle.Heading),
            new TextBlock(draft.Text),
            new TextBlock(reach + t.Get("format.sentenceSeparator") + t.Get("announce.notYet"), TextStyle.Hint),
        };
        if (recipients == 0)
        {
            blocks.Add(new TextBlock(t.Get("announce.nobody"), TextStyle.Hint));
        }

        return new Reply
        {
            Blocks = blocks,
            Buttons =
            [
                ReplyButton.ForCommand(t.Get("button.sendTo", ("chats", t.Count("count.chats", recipients))), SendCommand(draft.Id), ButtonKind.Confirm),
                ReplyButton.ForCommand(t.Get("button.cancel"), $"/announce cancel {draft.Id.ToString(CultureInfo.InvariantCulture)}", ButtonKind.Confirm),
            ],
        };
    }

    private async Task<Reply> SendAsync(int id, Texts t, CancellationToken cancellationToken)
    {
        if (await announcements.ConfirmAsync(id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            var report = (await announcements.GetAsync(id, cancellationToken).ConfigureAwait(false))?.ReportChatKey is not null
                ? t.Get("announce.reportHere")
                : t.Get("announce.reportToAdmins");
            return Reply.Text(t.Get("announce.onItsWay", ("id", id), ("chats", t.Count("count.chats", audience.Recipients().Count)), ("report", report)));
        }

        return await announcements.GetAsync(id, cancellationToken).ConfigureAwait(false) switch
        {
            null => Reply.Problem(t.Get("announce.unknown", ("id", id))),
            { State: AnnouncementState.Cancelled } => Reply.Problem(t.Get("announce.cancelledCannotSend", ("id", id))),
            { State: AnnouncementState.Delivered } a => Reply.Text(t.Get("announce.alreadySent", ("id", id), ("figures", AnnouncementReports.Figures(a.Figures ?? new DeliveryFigures(0, 0, 0), t)))),
            _ => Reply.Text(t.Get("announce.alreadyOnItsWay", ("id", id))),
        };
    }

    private async Task<Reply> CancelAsync(int id, Texts t, CancellationToken cancellationToken)
    {
        if (await announcements.CancelAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return Reply.Text(t.Get("announce.cancelled", ("id", id)));
        }

        return await announcements.GetAsync(id, cancellationToken).ConfigureAwait(false) switch
        {
            null => Reply.Problem(t.Get("announce.unknown", ("id", id))),
            { State: AnnouncementState.Cancelled } => Reply.Text(t.Get("announce.alreadyCancelled", ("id", id))),
            _ => Reply.Problem(t.Get("announce.tooLate", ("id", id))),
        };
    }

    public static string SendCommand(int id) => $"/announce send {id.ToString(CultureInfo.InvariantCulture)}";

    private static bool TryReadId(string text, out int id) =>
        int.TryParse(text.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
