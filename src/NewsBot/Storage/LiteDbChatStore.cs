using NewsBot.Core.Chats;

namespace NewsBot.Storage;

internal sealed class LiteDbChatStore(NewsBotDatabase database) : IChatStore
{
    private readonly Lock _writeLock = new();

    public ChatRecord? Find(ChatAddress chat)
    {
        var document = database.Chats.FindById(chat.Key);
        return document is null ? null : ToRecord(document);
    }

    public ChatRecord Touch(ChatAddress chat, ChatKind kind, string? title, DateTimeOffset now)
    {
        lock (_writeLock)
        {
            var document = database.Chats.FindById(chat.Key) ?? new ChatDocument
            {
                Id = chat.Key,
                Platform = chat.Platform,
                FirstSeen = Dates.ToStored(now),
            };
            document.Kind = kind.ToString();
            document.Title = title ?? document.Title;
            document.Active = true;
            document.InactiveReason = null;
            document.LastSeen = Dates.ToStored(now);
            database.Chats.Upsert(document);
            return ToRecord(document);
        }
    }

    public void SetTimeZone(ChatAddress chat, string timeZoneId)
    {
        lock (_writeLock)
        {
            var document = database.Chats.FindById(chat.Key);
            if (document is not null)
            {
                document.TimeZone = timeZoneId;
                database.Chats.Update(document);
            }
        }
    }

    public int CountActive() => database.Chats.Count(c => c.Active);

    private static ChatRecord ToRecord(ChatDocument d) => new(
        d.Id,
        d.Platform,
        Enum.TryParse<ChatKind>(d.Kind, out var kind) ? kind : ChatKind.Private,
        d.Title,
        d.TimeZone,
        d.Active,
        d.InactiveReason,
        Dates.FromStored(d.FirstSeen),
        Dates.FromStored(d.LastSeen));
}
