namespace NewsBot.Core.Chats;

/// <summary>
/// What becomes of two chat records when a chat moves to a new address (a Telegram group
/// upgraded to a supergroup). The target keeps what it already had and takes the rest from the
/// old chat; the old chat stays behind, inactive, saying where it went.
/// </summary>
public static class ChatMigration
{
    public static (ChatRecord Retired, ChatRecord Target) Merge(ChatRecord old, ChatRecord? target, ChatAddress to, DateTimeOffset at)
    {
        var kept = target ?? old with { Key = to.Key, Platform = to.Platform, LastSeen = at };
        var merged = kept with
        {
            TimeZone = kept.TimeZone ?? old.TimeZone,
            Quiet = kept.Quiet ?? old.Quiet,
            AnnouncementsMuted = kept.AnnouncementsMuted || old.AnnouncementsMuted,
            Language = kept.Language ?? old.Language,
            Active = true,
            InactiveReason = null,
        };
        var retired = old with { Active = false, InactiveReason = StoredText.Of("reason.movedTo", ("chat", to.Key)) };
        return (retired, merged);
    }
}
