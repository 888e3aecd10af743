namespace NewsBot.Benchmarks.Reporting;

/// <summary>Numbers as the report prints them: invariant culture, a few significant digits, the unit always shown.</summary>
internal static class Units
{
    public static string Milliseconds(double ms) => double.IsNaN(ms) ? "–" : ms switch
    {
        < 1 => Invariant($"{ms:0.000} ms"),
        < 10 => Invariant($"{ms:0.00} ms"),
        < 100 => Invariant($"{ms:0.0} ms"),
        _ => Invariant($"{ms:N0} ms"),
    };

    public static string Seconds(TimeSpan time) => time.TotalSeconds < 10
        ? Invariant($"{time.TotalSeconds:0.00} s")
        : Invariant($"{time.TotalSeconds:0.0} s");

    /// <summary>Decimal megabytes (10⁶ bytes), the unit the memory target is given in.</summary>
    public static string Megabytes(long bytes) => Invariant($"{bytes / 1_000_000.0:N0} MB");

    public static string Ratio(double ratio) => double.IsNaN(ratio) || double.IsInfinity(ratio) ? "–" : ratio switch
    {
        < 10 => Invariant($"×{ratio:0.0}"),
        _ => Invariant($"×{ratio:N0}"),
    };

    public static string Count(long value) => Invariant($"{value:N0}");

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
