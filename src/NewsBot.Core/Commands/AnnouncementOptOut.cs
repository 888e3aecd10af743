namespace NewsBot.Core.Commands;

/// <summary><c>/unsubscribe announcements</c> and <c>/subscribe announcements</c>: whether a chat hears the admins' announcements.</summary>
public static class AnnouncementOptOut
{
    public const string Word = "announcements";

    public static bool IsMeant(string arguments) =>
        string.Equals(arguments.Trim(), Word, StringComparison.OrdinalIgnoreCase);

    public static async ValueTask<Reply> SetAsync(CommandRequest request, ChatLifecycle chats, bool muted, CancellationToken cancellationToken)
    {
        var message = request.Message;
        var before = chats.Find(message.Chat);
        await chats.ReactivateAsync(message.Chat, message.ChatKind, message.ChatTitle, cancellationToken).ConfigureAwait(false);
        if (before?.AnnouncementsMuted == muted)
        {
            return Reply.Text(muted
                ? "Announcements are already off for this chat. /subscribe announcements turns them back on."
                : "Announcements are already on for this chat. /unsubscribe announcements turns them off.");
        }

        await chats.SetAnnouncementsMutedAsync(message.Chat, muted, cancellationToken).ConfigureAwait(false);
        return Reply.Text(muted
            ? "This chat no longer receives announcements from the bot's admins. Your subscriptions are unchanged. /subscribe announcements turns them back on."
            : "This chat receives announcements from the bot's admins again. /unsubscribe announcements turns them off.");
    }
}
