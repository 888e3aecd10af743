namespace NewsBot.Core.Chats;

/// <summary>A chat's time zone as the clock code needs it: UTC when none is set or the stored one is unknown here.</summary>
public static class ChatZone
{
    public static TimeZoneInfo Of(ChatRecord? chat) => Find(chat?.TimeZone);

    public static string NameOf(ChatRecord? chat) => chat?.TimeZone is { } id && Find(id) != TimeZoneInfo.Utc ? id : "UTC";

    private static TimeZoneInfo Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
