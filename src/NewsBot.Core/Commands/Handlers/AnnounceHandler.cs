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
        var text = request.Arguments.Trim();
        if (text.Length == 0)
        {
            return Reply.Problem("What should every chat hear? Type /announce <text>, like /announce The bot restarts at 22:00 UTC for ten minutes. You see a preview before anything is sent.");
        }

        var parts = text.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && TryReadId(parts[1], out var id))
        {
            if (string.Equals(parts[0], "send", StringComparison.OrdinalIgnoreCase))
            {
                return await SendAsync(id, request, cancellationToken).ConfigureAwait(false);
            }

            if (string.Equals(parts[0], "cancel", StringComparison.OrdinalIgnoreCase))
            {
                return await CancelAsync(id, cancellationToken).ConfigureAwait(false);
            }
        }

        if (text.Length > MaxLength)
        {
            return Reply.Problem($"That is too long: an announcement can have at most {MaxLength.ToString("N0", CultureInfo.InvariantCulture)} characters. Shorten it and try again; nothing was saved.");
        }

        var draft = await announcements.AddDraftAsync(request.Message.User.Key, request.Message.IsPrivate ? request.Message.Chat.Key : null, text, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return Preview(draft);
    }

    private Reply Preview(Announcement draft)
    {
        var recipients = audience.Recipients().Count;
        var channels = audience.Channels().Count;
        var chatsOnly = recipients - channels;
        var reach = channels > 0
            ? $"It goes to {Chats(chatsOnly)} that have not turned announcements off, and to {Plural(channels, "announcement channel")}."
            : $"It goes to {Chats(chatsOnly)} that have not turned announcements off.";
        var blocks = new List<ReplyBlock>
        {
            new TextBlock($"Preview of announcement #{draft.Id}", TextStyle.Heading),
            new TextBlock(draft.Text),
            new TextBlock(reach + " Nothing is sent until you press Send.", TextStyle.Hint),
        };
        if (recipients == 0)
        {
            blocks.Add(new TextBlock("No chat can receive it right now (the terminal chat has no pushes); sending would reach nobody.", TextStyle.Hint));
        }

        return new Reply
        {
            Blocks = blocks,
            Buttons =
            [
                ReplyButton.ForCommand($"Send to {Chats(recipients)}", SendCommand(draft.Id), ButtonKind.Confirm),
                ReplyButton.ForCommand("Cancel", $"/announce cancel {draft.Id.ToString(CultureInfo.InvariantCulture)}", ButtonKind.Confirm),
            ],
        };
    }

    private async Task<Reply> SendAsync(int id, CommandRequest request, CancellationToken cancellationToken)
    {
        if (await announcements.ConfirmAsync(id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            var where = (await announcements.GetAsync(id, cancellationToken).ConfigureAwait(false))?.ReportChatKey is not null
                ? "You get a delivery report here when it is done."
                : "The delivery report goes to the bot's admins in their private chats when it is done.";
            return Reply.Text($"Announcement #{id} is on its way to {Chats(audience.Recipients().Count)}. {where} /announcements shows how far it got.");
        }

        return await announcements.GetAsync(id, cancellationToken).ConfigureAwait(false) switch
        {
            null => Reply.Problem($"There is no announcement #{id}. /announcements lists them."),
            { State: AnnouncementState.Cancelled } => Reply.Problem($"Announcement #{id} was cancelled, so it cannot be sent. Write it again with /announce <text>."),
            { State: AnnouncementState.Delivered } a => Reply.Text($"Announcement #{id} was already sent: {AnnouncementReports.Figures(a.Figures ?? new DeliveryFigures(0, 0, 0))}. It is not sent again."),
            _ => Reply.Text($"Announcement #{id} is already on its way; it is not sent twice. /announcements shows how far it got."),
        };
    }

    private async Task<Reply> CancelAsync(int id, CancellationToken cancellationToken)
    {
        if (await announcements.CancelAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return Reply.Text($"Cancelled announcement #{id}; nothing was sent.");
        }

        return await announcements.GetAsync(id, cancellationToken).ConfigureAwait(false) switch
        {
            null => Reply.Problem($"There is no announcement #{id}. /announcements lists them."),
            { State: AnnouncementState.Cancelled } => Reply.Text($"Announcement #{id} was already cancelled; nothing was sent."),
            _ => Reply.Problem($"Announcement #{id} has already been sent; it cannot be called back."),
        };
    }

    public static string SendCommand(int id) => $"/announce send {id.ToString(CultureInfo.InvariantCulture)}";

    private static bool TryReadId(string text, out int id) =>
        int.TryParse(text.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out id);

    private static string Chats(int count) => Plural(count, "chat");

    private static string Plural(int count, string noun) =>
        count == 1 ? $"1 {noun}" : $"{AnnouncementReports.Number(count)} {noun}s";
}
