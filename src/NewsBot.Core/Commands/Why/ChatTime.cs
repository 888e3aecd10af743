namespace NewsBot.Core.Commands.Why;

/// <summary>A moment as a chat reads it: in its own zone, with how long ago or how soon.</summary>
public static class ChatTime
{
    public static string Format(DateTimeOffset moment, TimeZoneInfo zone, string zoneName, DateTimeOffset now, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        var clock = local.Date == today
            ? texts.Clock(local)
            : texts.Get("why.dayAndTime", ("date", texts.DayMonth(local)), ("time", texts.Clock(local)));
        var relative = moment > now ? texts.Until(moment, now) : texts.Ago(moment, now);
        return texts.Get("why.at", ("clock", clock), ("zone", zoneName), ("relative", relative));
    }
}
