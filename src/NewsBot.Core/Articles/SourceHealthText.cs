namespace NewsBot.Core.Articles;

/// <summary>A source's health in words: articles, last read, last error, next check.</summary>
public static class SourceHealthText
{
    /// <param name="source">The source.</param>
    /// <param name="now">The current time.</param>
    /// <param name="texts">The words of the reader's language.</param>
    /// <param name="withError">
    /// Whether to include the last error's text. It can name file paths and internal hosts, so
    /// only the bot's admins see it; everyone else learns that the source is failing.
    /// </param>
    public static string Describe(FeedSource source, DateTimeOffset now, Texts texts, bool withError = true)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(texts);
        var t = texts;
        var items = t.Count("count.articles", source.ItemCount);
        var error = withError ? source.LastError : null;
        if (source.Paused)
        {
            return t.Get("health.paused", ("items", items));
        }

        if (!source.Enabled)
        {
            return error is null ? t.Get("health.disabled", ("items", items)) : t.Get("health.disabledError", ("items", items), ("error", error));
        }

        if (source.LastAttemptAt is null)
        {
            return t.Get("health.notRead", ("items", items));
        }

        string WithNext(string details) =>
            source.NextPollAt is { } at && at > now ? t.Get("health.nextCheck", ("details", details), ("when", t.Until(at, now))) : details;

        if (source.LastError is not null)
        {
            var lastGood = WithNext(source.LastSuccessAt is { } ok ? t.Get("health.lastRead", ("ago", t.Ago(ok, now))) : t.Get("health.neverRead"));
            var failures = t.Count("health.failures", source.ConsecutiveFailures);
            return error is null
                ? t.Get("health.failing", ("items", items), ("failures", failures), ("details", lastGood))
                : t.Get("health.failingError", ("items", items), ("error", error), ("failures", failures), ("details", lastGood));
        }

        var details = WithNext(t.Get("health.read", ("ago", t.Ago(source.LastSuccessAt ?? source.LastAttemptAt.Value, now))));
        if (source.ItemsLeftOut > 0)
        {
            details = t.Count("health.leftOut", source.ItemsLeftOut, ("details", details));
        }

        return t.Get("health.ok", ("items", items), ("details", details));
    }
}
