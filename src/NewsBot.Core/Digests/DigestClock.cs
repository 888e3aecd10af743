namespace NewsBot.Core.Digests;

/// <summary>
/// When a daily digest is due, in the chat's own time zone. Each local day has one digest
/// instant (<see cref="LocalClock.ToInstant"/>: the end of a spring-forward gap, the first of
/// a repeated hour). A digest missed while the bot was down is still sent later the same
/// local day, but never for a day that is over.
/// </summary>
public static class DigestClock
{
    /// <summary>
    /// The local date whose digest is due at <paramref name="now"/>, or null when none is:
    /// the first digest instant after <paramref name="after"/> (the last digest, or when the
    /// subscription was made) has not come yet, or it fell on a local day that is over and
    /// today's has not come yet.
    /// </summary>
    public static DateOnly? DueDate(TimeOnly at, TimeZoneInfo zone, DateTimeOffset after, DateTimeOffset now)
    {
        var next = LocalClock.Next(at, zone, after);
        if (next > now)
        {
            return null;
        }

        var today = LocalDate(now, zone);
        if (LocalDate(next, zone) == today)
        {
            return today;
        }

        var todays = InstantOn(today, at, zone);
        return todays <= now && todays > after ? today : null;
    }

    /// <summary>The next moment a digest may be due, for a digest that is not due at <paramref name="now"/>.</summary>
    public static DateTimeOffset NextDue(TimeOnly at, TimeZoneInfo zone, DateTimeOffset after, DateTimeOffset now)
    {
        var next = LocalClock.Next(at, zone, after);
        if (next > now)
        {
            return next;
        }

        // The one after "after" was on a day that is over: today's, or tomorrow's.
        return LocalClock.Next(at, zone, now);
    }

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    public static DateTimeOffset InstantOn(DateOnly date, TimeOnly at, TimeZoneInfo zone) =>
        LocalClock.ToInstant(date.ToDateTime(at), zone);
}
