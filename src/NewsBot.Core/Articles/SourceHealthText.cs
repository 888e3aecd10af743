namespace NewsBot.Core.Articles;

/// <summary>A source's health in words: articles, last read, last error, next check.</summary>
public static class SourceHealthText
{
    /// <param name="source">The source.</param>
    /// <param name="now">The current time.</param>
    /// <param name="withError">
    /// Whether to include the last error's text. It can name file paths and internal hosts, so
    /// only the bot's admins see it; everyone else learns that the source is failing.
    /// </param>
    public static string Describe(FeedSource source, DateTimeOffset now, bool withError = true)
    {
        var items = source.ItemCount == 1 ? "1 article" : $"{source.ItemCount} articles";
        var error = withError && source.LastError is not null ? $": {source.LastError}" : string.Empty;
        if (!source.Enabled)
        {
            return $"{items} · disabled{error}";
        }

        if (source.LastAttemptAt is null)
        {
            return $"{items} · not read yet";
        }

        var next = source.NextPollAt is { } at && at > now ? $", next check {RelativeTime.Until(at, now)}" : string.Empty;
        if (source.LastError is not null)
        {
            var lastGood = source.LastSuccessAt is { } ok ? $"last read {RelativeTime.Format(ok, now)}" : "never read";
            var failures = source.ConsecutiveFailures == 1 ? "1 failure" : $"{source.ConsecutiveFailures} failures in a row";
            return $"{items} · failing{error} ({failures}; {lastGood}{next})";
        }

        var capped = source.ItemsLeftOut switch
        {
            0 => string.Empty,
            1 => "; the last read listed too many items, and 1 older item was left out",
            var n => $"; the last read listed too many items, and {n} older items were left out",
        };
        return $"{items} · ok, read {RelativeTime.Format(source.LastSuccessAt ?? source.LastAttemptAt.Value, now)}{next}{capped}";
    }
}
