namespace NewsBot.Core.Commands;

/// <summary>Reads and writes the intervals of <c>/feeds set &lt;id&gt; interval</c>: <c>30m</c>, <c>2h</c>, <c>1h30m</c>, <c>45</c> (minutes), <c>01:30</c>.</summary>
public static class PollIntervalText
{
    public static bool TryParse(string text, out TimeSpan interval)
    {
        interval = TimeSpan.Zero;
        var value = (text ?? "").Trim().ToLowerInvariant();
        if (value.Length is 0 or > 16)
        {
            return false;
        }

        if (value.Contains(':', StringComparison.Ordinal))
        {
            // 01:30 or 01:30:00; seconds are allowed only as zero, since sources are read by the minute.
            var pieces = value.Split(':');
            return pieces.Length is 2 or 3
                && long.TryParse(pieces[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
                && long.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m < 60
                && (pieces.Length == 2 || (long.TryParse(pieces[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sec) && sec == 0))
                && Make(h, m, out interval);
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bareMinutes))
        {
            return Make(0, bareMinutes, out interval);
        }

        long hours = 0;
        long minutes = 0;
        var rest = value;
        var hourMark = rest.IndexOf('h', StringComparison.Ordinal);
        if (hourMark >= 0)
        {
            if (!long.TryParse(rest[..hourMark], NumberStyles.None, CultureInfo.InvariantCulture, out hours))
            {
                return false;
            }

            rest = rest[(hourMark + 1)..];
        }

        if (rest.Length > 0)
        {
            var unit = rest.EndsWith("min", StringComparison.Ordinal) ? 3 : rest.EndsWith('m') ? 1 : 0;
            if (unit == 0 || !long.TryParse(rest[..^unit], NumberStyles.None, CultureInfo.InvariantCulture, out minutes))
            {
                return false;
            }
        }

        return Make(hours, minutes, out interval);
    }

    /// <summary>The interval in the reader's words: "30 min", "2 h", "1 h 30 min".</summary>
    public static string Describe(TimeSpan interval, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var hours = (long)interval.TotalHours;
        var minutes = interval.Minutes;
        if (hours == 0)
        {
            return texts.Count("duration.minutes", Math.Max(1, (long)interval.TotalMinutes));
        }

        return minutes == 0
            ? texts.Count("duration.hours", hours)
            : texts.Get("duration.hoursMinutes", ("hours", texts.Count("duration.hours", hours)), ("minutes", texts.Count("duration.minutes", minutes)));
    }

    private static bool Make(long hours, long minutes, out TimeSpan interval)
    {
        interval = TimeSpan.Zero;
        var total = (hours * 60) + minutes;
        if (hours > 10_000 || minutes > 1_000_000 || total <= 0)
        {
            return false;
        }

        interval = TimeSpan.FromMinutes(total);
        return true;
    }
}
