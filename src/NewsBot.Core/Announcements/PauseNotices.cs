namespace NewsBot.Core.Announcements;

/// <summary>
/// Tells the people who can fix a paused chat (<see cref="ChatPause"/>) about it, through the
/// outbox like every push: those who made the chat's subscriptions, in their private chat with
/// the bot, and the bot's admins. Once per pause: the notice's key names the chat and the
/// moment the pause began.
/// </summary>
public sealed class PauseNotices(ISubscriptionStore subscriptions, IAdminNotifier admins, IOutboxStore outbox, ChatLifecycle chats, TimeProvider time) : IPauseNotices
{
    public async Task TellAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        if (chats.Find(chat) is not { Pause: { } pause } record)
        {
            return;
        }

        var eventKey = $"chat-paused:{chat.Key}:{pause.Since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";
        var name = record.Title ?? chat.Key;
        string Notice(Texts t) => t.Get("notice.chatPaused", ("chat", name), ("reason", StoredText.Render(pause.Reason, t)));

        var now = time.GetUtcNow();
        var managers = (await subscriptions.ListForChatAsync(chat.Key, cancellationToken).ConfigureAwait(false))
            .Select(s => s.CreatedBy)
            .Distinct(StringComparer.Ordinal)
            .Select(Person)
            .OfType<ChatAddress>()
            .Where(c => c.Platform == chat.Platform && c != chat)
            .Select(c => OutboxEntry.ForNotice(c.Key, OutboxKeys.AdminNotice(c.Key, eventKey), eventKey, Notice(chats.TextsOf(c)), now))
            .ToList();
        if (managers.Count > 0)
        {
            await outbox.EnqueueAsync(managers, cancellationToken).ConfigureAwait(false);
        }

        await admins.NotifyAsync(eventKey, Notice, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The private chat of a person written as <c>platform:id</c>; null for anything else.</summary>
    private static ChatAddress? Person(string userKey)
    {
        var colon = userKey.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 || colon == userKey.Length - 1
            ? null
            : PrivateChats.Of(new UserAddress(userKey[..colon], userKey[(colon + 1)..]));
    }
}
