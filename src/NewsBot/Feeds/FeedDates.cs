using System.Collections.Frozen;

namespace NewsBot.Feeds;

/// <summary>
/// Reads the dates feeds write: RFC 822 and its many variants (any weekday, named zones, two-digit
/// years, month names in a few languages), W3C/ISO 8601 with any precision, and what .NET's own
/// invariant parser accepts. Every result is UTC; a date without a zone is taken as UTC.
/// </summary>
internal static class FeedDates
{
    private static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6,
        ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["sept"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
        ["january"] = 1, ["february"] = 2, ["march"] = 3, ["april"] = 4, ["june"] = 6, ["july"] = 7,
        ["august"] = 8, ["september"] = 9, ["october"] = 10, ["november"] = 11, ["december"] = 12,
        // German, French, Spanish, Italian and Dutch abbreviations that differ from the English ones.
        ["mär"] = 3, ["mrz"] = 3, ["mai"] = 5, ["okt"] = 10, ["dez"] = 12, ["januar"] = 1, ["februar"] = 2, ["märz"] = 3, ["juni"] = 6, ["juli"] = 7, ["oktober"] = 10, ["dezember"] = 12,
        ["janv"] = 1, ["févr"] = 2, ["fevr"] = 2, ["mars"] = 3, ["avr"] = 4, ["juin"] = 6, ["juil"] = 7, ["août"] = 8, ["aout"] = 8, ["déc"] = 12,
        ["ene"] = 1, ["abr"] = 4, ["ago"] = 8, ["dic"] = 12, ["gen"] = 1, ["mag"] = 5, ["giu"] = 6, ["lug"] = 7, ["set"] = 9, ["ott"] = 10,
        ["mrt"] = 3, ["mei"] = 5,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int> Zones = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["ut"] = 0, ["utc"] = 0, ["gmt"] = 0, ["z"] = 0, ["wet"] = 0, ["bst"] = 60, ["cet"] = 60, ["cest"] = 120, ["met"] = 60, ["mest"] = 120, ["eet"] = 120, ["eest"] = 180,
        ["mez"] = 60, ["mesz"] = 120, ["msk"] = 180, ["ist"] = 330, ["jst"] = 540, ["kst"] = 540, ["hkt"] = 480, ["sgt"] = 480, ["awst"] = 480, ["acst"] = 570, ["aest"] = 600, ["aedt"] = 660, ["nzst"] = 720, ["nzdt"] = 780,
        ["est"] = -300, ["edt"] = -240, ["cst"] = -360, ["cdt"] = -300, ["mst"] = -420, ["mdt"] = -360, ["pst"] = -480, ["pdt"] = -420,
        ["akst"] = -540, ["akdt"] = -480, ["hst"] = -600, ["ast"] = -240, ["adt"] = -180, ["nst"] = -210, ["ndt"] = -150,
        // RFC 822 military zones; "A" is UTC+1 … "M" is UTC+12, "N" is UTC−1 … "Y" is UTC−12.
        ["a"] = 60, ["b"] = 120, ["c"] = 180, ["d"] = 240, ["e"] = 300, ["f"] = 360, ["g"] = 420, ["h"] = 480, ["i"] = 540, ["k"] = 600, ["l"] = 660, ["m"] = 720,
        ["n"] = -60, ["o"] = -120, ["p"] = -180, ["q"] = -240, ["r"] = -300, ["s"] = -360, ["t"] = -420, ["u"] = -480, ["v"] = -540, ["w"] = -600, ["x"] = -660, ["y"] = -720,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The date in UTC, or null when the text is not a date anyone could agree on.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return null;
        }

        var value = text.Trim();
        return ParseIso(value) ?? ParseRfc822(value) ?? ParseFallback(value);
    }

    private static DateTimeOffset? ParseIso(string value)
    {
        // 2026, 2026-11, 2026-11-28, 20261128, then T or a space, hh:mm[:ss[.fff]], then Z or ±hh[:mm].
        if (value.Length < 4 || !char.IsAsciiDigit(value[0]))
        {
            return null;
        }

        var i = 0;
        if (!Number(value, ref i, 4, out var year))
        {
            return null;
        }

        int month = 1, day = 1, hour = 0, minute = 0, second = 0;
        long ticks = 0;
        var compact = i < value.Length && char.IsAsciiDigit(value[i]);
        if (i < value.Length && (value[i] == '-' || compact))
        {
            i += compact ? 0 : 1;
            if (!Number(value, ref i, 2, out month))
            {
                return null;
            }

            if (i < value.Length && (value[i] == '-' || (compact && char.IsAsciiDigit(value[i]))))
            {
                i += compact ? 0 : 1;
                if (!Number(value, ref i, 2, out day))
                {
                    return null;
                }
            }
        }
        else if (i < value.Length)
        {
            return null;
        }

        var offset = TimeSpan.Zero;
        if (i < value.Length && value[i] is 'T' or 't' or ' ')
        {
            i++;
            if (!Number(value, ref i, 2, out hour))
            {
                return null;
            }

            if (i < value.Length && value[i] == ':')
            {
                i++;
            }

            if (!Number(value, ref i, 2, out minute))
            {
                return null;
            }

            if (i < value.Length && (value[i] == ':' || char.IsAsciiDigit(value[i])))
            {
                i += value[i] == ':' ? 1 : 0;
                if (!Number(value, ref i, 2, out second))
                {
                    return null;
                }
            }

            if (i < value.Length && value[i] is '.' or ',')
            {
                i++;
                var start = i;
                var fraction = 0L;
                while (i < value.Length && char.IsAsciiDigit(value[i]))
                {
                    if (i - start < 7)
                    {
                        fraction = (fraction * 10) + (value[i] - '0');
                    }

                    i++;
                }

                for (var digits = Math.Min(i - start, 7); digits < 7; digits++)
                {
                    fraction *= 10;
                }

                ticks = fraction;
            }

            while (i < value.Length && value[i] == ' ')
            {
                i++;
            }

            if (i < value.Length)
            {
                if (value[i] is 'Z' or 'z')
                {
                    i++;
                }
                else if (value[i] is '+' or '-')
                {
                    if (!Offset(value, ref i, out offset))
                    {
                        return null;
                    }
                }
                else if (Zones.TryGetValue(value[i..].Trim(), out var named))
                {
                    offset = TimeSpan.FromMinutes(named);
                    i = value.Length;
                }
            }
        }

        if (i != value.Length)
        {
            return null;
        }

        return Build(year, month, day, hour, minute, second, ticks, offset);
    }

    private static DateTimeOffset? ParseRfc822(string value)
    {
        // Tokens: an optional weekday (any language), day, month, year, time, zone; in any order that is not ambiguous.
        var tokens = value.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
        int? day = null, month = null, year = null;
        int hour = 0, minute = 0, second = 0;
        var offset = TimeSpan.Zero;
        var sawTime = false;
        foreach (var raw in tokens)
        {
            var token = raw.TrimEnd('.');
            if (token.Contains(':', StringComparison.Ordinal) && !sawTime)
            {
                var parts = token.Split(':');
                if (parts.Length is < 2 or > 3
                    || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out hour)
                    || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minute)
                    || (parts.Length == 3 && !int.TryParse(parts[2].Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out second)))
                {
                    return null;
                }

                sawTime = true;
            }
            else if (token[0] is '+' or '-' && token.Length >= 3)
            {
                var at = 0;
                if (!Offset(token, ref at, out offset) || at != token.Length)
                {
                    return null;
                }
            }
            else if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                if (token.Length >= 3 || (day is not null && year is null))
                {
                    year ??= number;
                }
                else if (day is null)
                {
                    day = number;
                }
                else
                {
                    return null;
                }
            }
            else if (month is null && Months.TryGetValue(token, out var m))
            {
                month = m;
            }
            else if (Zones.TryGetValue(token.Trim('(', ')'), out var zone))
            {
                offset = TimeSpan.FromMinutes(zone);
            }
            else if (!token.All(char.IsLetter) || token.Length > 12)
            {
                return null; // not a weekday or a zone we could ignore
            }
        }

        if (day is null || month is null || year is null)
        {
            return null;
        }

        var fullYear = year.Value switch
        {
            < 50 => 2000 + year.Value,
            < 100 => 1900 + year.Value,
            _ => year.Value,
        };
        return Build(fullYear, month.Value, day.Value, hour, minute, second, 0, offset);
    }

    private static DateTimeOffset? ParseFallback(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date)
            ? date.ToUniversalTime()
            : null;

    private static bool Number(string value, ref int i, int digits, out int number)
    {
        number = 0;
        if (i + digits > value.Length)
        {
            return false;
        }

        for (var end = i + digits; i < end; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }

            number = (number * 10) + (value[i] - '0');
        }

        return true;
    }

    private static bool Offset(string value, ref int i, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        var sign = value[i] == '-' ? -1 : 1;
        i++;
        if (!Number(value, ref i, 2, out var hours))
        {
            return false;
        }

        var minutes = 0;
        if (i < value.Length && value[i] == ':')
        {
            i++;
        }

        if (i < value.Length && !Number(value, ref i, 2, out minutes))
        {
            return false;
        }

        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = TimeSpan.FromMinutes(sign * ((hours * 60) + minutes));
        return true;
    }

    private static DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, long ticks, TimeSpan offset)
    {
        if (year is < 1 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 24 || minute > 59 || second > 60)
        {
            return null;
        }

        // "24:00" is the end of the day and a leap second is the last one of its minute.
        var extraDay = hour == 24;
        var date = new DateTime(year, month, day, extraDay ? 0 : hour, minute, Math.Min(second, 59), DateTimeKind.Unspecified).AddTicks(ticks);
        if (extraDay)
        {
            date = date.AddDays(1);
        }

        var local = new DateTime(date.Ticks, DateTimeKind.Unspecified);
        var utcTicks = local.Ticks - offset.Ticks;
        return utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks
            ? null
            : new DateTimeOffset(utcTicks, TimeSpan.Zero);
    }
}
