namespace NewsBot.Core.Chats;

public interface IChatStore
{
    ChatRecord? Find(ChatAddress chat);

    /// <summary>Creates the chat or refreshes its kind, title and last-seen time; reactivates it.</summary>
    ChatRecord Touch(ChatAddress chat, ChatKind kind, string? title, DateTimeOffset now);

    void SetTimeZone(ChatAddress chat, string timeZoneId);

    int CountActive();
}
