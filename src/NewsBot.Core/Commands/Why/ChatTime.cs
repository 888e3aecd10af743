namespace NewsBot.Core.Commands.Why;

/// <summary>A moment as a chat reads it: in its own zone, with how long ago or how soon.</summary>
public static class ChatTime
{
    public static string Format(DateTimeOffset moment, TimeZoneInfo zone, string zoneName, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        var clock = local.Date == today
            ? local.ToString("HH:mm", CultureInfo.InvariantCulture)
            : local.ToString("d MMM HH:mm", CultureInfo.InvariantCulture);
        var relative = moment > now ? RelativeTime.Until(moment, now) : RelativeTime.Format(moment, now);
        return $"{clock} {zoneName} ({relative})";
    }
}
