namespace NewsBot.Core.Chats;

/// <summary>A daily window in a chat's own time zone during which instant pushes wait, e.g. 22:00–07:00.</summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public static bool TryParse(string text, out QuietHours? hours)
    {
        hours = null;
        var parts = text.Replace('–', '-').Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(parts[1], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            || start == end)
        {
            return false;
        }

        hours = new QuietHours(start, end);
        return true;
    }

    /// <summary>Whether the zone's clock at <paramref name="now"/> is inside the window (which may span midnight).</summary>
    public bool Contains(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return Start < End ? local >= Start && local < End : local >= Start || local < End;
    }

    /// <summary>When a push held at <paramref name="now"/> may go: now outside the window, else the window's end.</summary>
    public DateTimeOffset ReleaseAt(DateTimeOffset now, TimeZoneInfo zone) =>
        Contains(now, zone) ? LocalClock.Next(End, zone, now) : now;

    public override string ToString() =>
        $"{Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{End.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}
