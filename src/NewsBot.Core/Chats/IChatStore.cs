namespace NewsBot.Core.Chats;

public interface IChatStore
{
    ChatRecord? Find(ChatAddress chat);

    /// <summary>Creates the chat or refreshes its kind, title and last-seen time; reactivates it.</summary>
    ChatRecord Touch(ChatAddress chat, ChatKind kind, string? title, DateTimeOffset now);

    void SetTimeZone(ChatAddress chat, string timeZoneId);

    /// <summary>Sets or clears (null) the chat's quiet hours; an unknown chat is left alone.</summary>
    void SetQuietHours(ChatAddress chat, Delivery.QuietHours? hours);

    /// <summary>Mutes or unmutes announcements for the chat; an unknown chat is left alone.</summary>
    void SetAnnouncementsMuted(ChatAddress chat, bool muted);

    /// <summary>The keys of every active chat, of one platform when <paramref name="platform"/> is given.</summary>
    IReadOnlyList<string> ActiveChatKeys(string? platform = null);

    int CountActive();

    /// <summary>
    /// Marks a known chat inactive (the bot was blocked, removed or left) with a reason people
    /// can read; nothing is delivered there until <see cref="Touch"/> reactivates it.
    /// Returns false when the chat is unknown.
    /// </summary>
    bool MarkInactive(ChatAddress chat, string reason, DateTimeOffset at);

    /// <summary>
    /// The chat now lives at another address (a Telegram group upgraded to a supergroup): its
    /// settings and subscriptions move there, and the old address is left inactive. Safe to
    /// repeat, and safe when the new address was already seen.
    /// </summary>
    void Migrate(ChatAddress from, ChatAddress to, DateTimeOffset at);
}
