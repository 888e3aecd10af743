namespace NewsBot.Monitoring;

/// <summary>The <c>outcome</c> tag of <c>newsbot.feed.fetches</c>: "200", "304", "http_404", "timeout" or "error".</summary>
internal static class FeedFetchOutcome
{
    public static string Of(FetchResult result) => result switch
    {
        FetchResult.Success => "200",
        FetchResult.NotModified => "304",
        FetchResult.Failure { StatusCode: { } status } => "http_" + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        FetchResult.Failure { Limit: NewsBot.Feeds.FetchLimit.Time } => "timeout",
        FetchResult.Failure failure when StoredText.InEnglish(failure.Reason).Contains("timed out", StringComparison.OrdinalIgnoreCase) => "timeout",
        _ => "error",
    };
}
