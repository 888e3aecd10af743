namespace NewsBot.Core.Chats;

/// <summary>A chat's time zone for chats the bot may not know yet: UTC when there is no record or no zone set.</summary>
public static class ChatZone
{
    public static TimeZoneInfo Of(ChatRecord? chat) => chat?.Zone ?? TimeZoneInfo.Utc;

    /// <summary>The zone's name as people set it, or UTC.</summary>
    public static string NameOf(ChatRecord? chat) => Of(chat) == TimeZoneInfo.Utc ? "UTC" : chat!.TimeZone!;
}
