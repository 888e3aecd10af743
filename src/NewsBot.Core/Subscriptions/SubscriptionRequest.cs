using System.Text.RegularExpressions;

namespace NewsBot.Core.Subscriptions;

/// <summary>
/// Reads the arguments of <c>/subscribe</c>: a topic or query, optionally followed by
/// <c>daily HH:mm</c> (<c>daily</c> alone means 08:00).
/// </summary>
public static partial class SubscriptionRequest
{
    public static readonly TimeOnly DefaultDigestTime = new(8, 0);

    public static bool TryParse(string arguments, out string query, out DeliveryMode mode, out TimeOnly? dailyAt, out string? problem)
    {
        query = arguments.Trim();
        mode = DeliveryMode.Instant;
        dailyAt = null;
        problem = null;

        var match = TrailingDaily().Match(query);
        if (!match.Success)
        {
            return true;
        }

        query = query[..match.Index].TrimEnd();
        mode = DeliveryMode.Daily;
        var timeText = match.Groups["time"].Value;
        if (timeText.Length == 0)
        {
            dailyAt = DefaultDigestTime;
            return true;
        }

        if (!TimeOnly.TryParseExact(timeText, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            problem = $"'{timeText}' is not a time of day. Write it as HH:mm on a 24-hour clock, like daily 08:00 or daily 18:30.";
            return false;
        }

        dailyAt = time;
        return true;
    }

    [GeneratedRegex(@"(?:^|\s)daily(?:\s+(?:at\s+)?(?<time>\S+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingDaily();
}
