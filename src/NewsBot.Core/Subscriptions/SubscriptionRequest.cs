using System.Text.RegularExpressions;

namespace NewsBot.Core.Subscriptions;

/// <summary>
/// Reads the arguments of <c>/subscribe</c>: a topic or query, optionally followed by
/// <c>daily HH:mm</c> (<c>daily</c> alone means 08:00).
/// </summary>
public static partial class SubscriptionRequest
{
    public static readonly TimeOnly DefaultDigestTime = new(8, 0);

    /// <param name="badTime">What was written where a time of day belongs, when it is not one.</param>
    public static bool TryParse(string arguments, out string query, out DeliveryMode mode, out TimeOnly? dailyAt, out string? badTime)
    {
        query = arguments.Trim();
        mode = DeliveryMode.Instant;
        dailyAt = null;
        badTime = null;

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
            badTime = timeText;
            return false;
        }

        dailyAt = time;
        return true;
    }

    [GeneratedRegex(@"(?:^|\s)daily(?:\s+(?:at\s+)?(?<time>\S+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingDaily();
}
