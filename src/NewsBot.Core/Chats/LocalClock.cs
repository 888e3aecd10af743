namespace NewsBot.Core.Chats;

/// <summary>
/// Wall-clock arithmetic in a chat's time zone, correct across daylight-saving changes: a
/// digest at 02:30 on the night the clocks jump from 02:00 to 03:00 goes out at 03:00; on the
/// night they fall back it goes out once, at the first 02:30.
/// </summary>
public static class LocalClock
{
    /// <summary>The first moment strictly after <paramref name="after"/> at which the zone's clock shows <paramref name="at"/>.</summary>
    public static DateTimeOffset Next(TimeOnly at, TimeZoneInfo zone, DateTimeOffset after)
    {
        var localNow = TimeZoneInfo.ConvertTime(after, zone);
        for (var day = 0; day <= 2; day++)
        {
            var date = DateOnly.FromDateTime(localNow.DateTime).AddDays(day);
            var candidate = ToInstant(date.ToDateTime(at), zone);
            if (candidate > after)
            {
                return candidate;
            }
        }

        // Unreachable for real zones (a day always contains the time, or the moment after its gap).
        return after.AddDays(1);
    }

    /// <summary>The instant a local wall-clock time denotes: the first of two when clocks fall back, the end of the gap when they jump.</summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Walk forward to the first valid minute: the end of the spring-forward gap.
            var probe = local;
            for (var i = 0; i < 24 * 60 && zone.IsInvalidTime(probe); i++)
            {
                probe = probe.AddMinutes(1);
            }

            return new DateTimeOffset(probe, zone.GetUtcOffset(probe));
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var earliest = offsets.Max(); // the larger offset is the earlier instant
            return new DateTimeOffset(local, earliest);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
