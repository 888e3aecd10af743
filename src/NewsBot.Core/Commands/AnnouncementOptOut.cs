namespace NewsBot.Core.Commands;

/// <summary><c>/unsubscribe announcements</c> and <c>/subscribe announcements</c>: whether a chat hears the admins' announcements.</summary>
public static class AnnouncementOptOut
{
    public const string Word = "announcements";

    public static bool IsMeant(string arguments) =>
        string.Equals(arguments.Trim(), Word, StringComparison.OrdinalIgnoreCase);

    public static async ValueTask<Reply> SetAsync(CommandRequest request, ChatLifecycle chats, bool muted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(chats);
        var t = request.Texts;
        var message = request.Message;
        var before = chats.Find(message.Chat);
        await chats.ReactivateAsync(message.Chat, message.ChatKind, message.ChatTitle, cancellationToken).ConfigureAwait(false);
        if (before?.AnnouncementsMuted == muted)
        {
            return Reply.Text(t.Get(muted ? "announcements.alreadyOff" : "announcements.alreadyOn"));
        }

        await chats.SetAnnouncementsMutedAsync(message.Chat, muted, cancellationToken).ConfigureAwait(false);
        return Reply.Text(t.Get(muted ? "announcements.turnedOff" : "announcements.turnedOn"));
    }
}
