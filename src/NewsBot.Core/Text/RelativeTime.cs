namespace NewsBot.Core.Text;

/// <summary>"5 min ago", "3 h ago", "2 days ago": how every platform shows an article's age.</summary>
public static class RelativeTime
{
    public static string Format(DateTimeOffset moment, DateTimeOffset now)
    {
        var age = now - moment;
        if (age < TimeSpan.Zero)
        {
            return age > TimeSpan.FromMinutes(-5) ? "just now" : "in the future";
        }

        return age switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalHours: < 1 } => $"{(int)age.TotalMinutes} min ago",
            { TotalDays: < 1 } => $"{(int)age.TotalHours} h ago",
            { TotalDays: < 2 } => "yesterday",
            { TotalDays: < 30 } => $"{(int)age.TotalDays} days ago",
            _ => moment.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>"in 5 min", "in 3 h", "in 2 days", or "now" for a moment already past.</summary>
    public static string Until(DateTimeOffset moment, DateTimeOffset now)
    {
        var wait = moment - now;
        return wait switch
        {
            { TotalMinutes: < 1 } => "now",
            { TotalHours: < 1 } => $"in {(int)Math.Ceiling(wait.TotalMinutes)} min",
            { TotalDays: < 1 } => $"in {(int)wait.TotalHours} h",
            _ => $"in {(int)wait.TotalDays} days",
        };
    }
}
