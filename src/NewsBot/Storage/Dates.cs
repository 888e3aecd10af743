namespace NewsBot.Storage;

/// <summary>LiteDB stores UTC DateTime to the millisecond; the core speaks DateTimeOffset.</summary>
internal static class Dates
{
    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static DateTime ToStored(DateTimeOffset value)
    {
        var ticks = value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond);
        return new DateTime(ticks, DateTimeKind.Utc);
    }

    public static DateTime? ToStored(DateTimeOffset? value) => value is { } v ? ToStored(v) : null;

    /// <summary>The whole UTC days from 1970-01-01 to <paramref name="stored"/> (negative before it).</summary>
    public static int DayOf(DateTime stored) =>
        DateOnly.FromDateTime(FromStored(stored).UtcDateTime).DayNumber - UnixEpochDay;

    public static DateTimeOffset FromStored(DateTime value) =>
        new(DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Utc), TimeSpan.Zero);

    public static DateTimeOffset? FromStored(DateTime? value) => value is { } v ? FromStored(v) : null;
}
