namespace NewsBot.Storage;

/// <summary>LiteDB stores UTC DateTime to the millisecond; the core speaks DateTimeOffset.</summary>
internal static class Dates
{
    public static DateTime ToStored(DateTimeOffset value)
    {
        var ticks = value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond);
        return new DateTime(ticks, DateTimeKind.Utc);
    }

    public static DateTime? ToStored(DateTimeOffset? value) => value is { } v ? ToStored(v) : null;

    public static DateTimeOffset FromStored(DateTime value) =>
        new(DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Utc), TimeSpan.Zero);

    public static DateTimeOffset? FromStored(DateTime? value) => value is { } v ? FromStored(v) : null;
}
