namespace NewsBot.Feeds;

/// <summary>Every event the feed fetcher, the poller and the page reader log, each with a stable event id (from 2301) to filter and alert on.</summary>
internal static partial class FeedsLog
{
    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Could not fetch feed {Location}: {Reason}")] public static partial void LogFetchFailed(this ILogger logger, FeedLocation location, string reason);
    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "Could not fetch an article page on {Host}: {Reason}")] public static partial void LogPageFailed(this ILogger logger, string host, string reason);
    [LoggerMessage(EventId = 2303, Level = LogLevel.Debug, Message = "Fetched feed {Location}: {Bytes} bytes")] public static partial void LogFetched(this ILogger logger, FeedLocation location, int bytes);
    [LoggerMessage(EventId = 2304, Level = LogLevel.Debug, Message = "Feed {Location} has not changed")] public static partial void LogNotModified(this ILogger logger, FeedLocation location);
    [LoggerMessage(EventId = 2305, Level = LogLevel.Warning, Message = "Unexpected error while fetching feed {Host}")] public static partial void LogUnexpectedError(this ILogger logger, Exception exception, string host);
    [LoggerMessage(EventId = 2306, Level = LogLevel.Warning, Message = "Extracting the article text of a page on {Host} took too long")] public static partial void LogTooSlow(this ILogger logger, string host);
    [LoggerMessage(EventId = 2307, Level = LogLevel.Warning, Message = "Extracting the article text of a page on {Host} failed")] public static partial void LogExtractionFailed(this ILogger logger, Exception exception, string host);
    [LoggerMessage(EventId = 2308, Level = LogLevel.Warning, Message = "The feed bodies of {Count} new articles could not be kept")] public static partial void LogNotKept(this ILogger logger, Exception exception, int count);
    [LoggerMessage(EventId = 2309, Level = LogLevel.Error, Message = "A polling round failed; the next one starts in {Tick}")] public static partial void LogPollingRoundFailed(this ILogger logger, Exception exception, TimeSpan tick);
    [LoggerMessage(EventId = 2310, Level = LogLevel.Debug, Message = "Read {Count} sources; {Added} new articles")] public static partial void LogPollingRoundRead(this ILogger logger, int count, int added);
    [LoggerMessage(EventId = 2311, Level = LogLevel.Information, Message = "Source {Source} is no longer configured and will not be read")] public static partial void LogNoLongerConfigured(this ILogger logger, string source);
    [LoggerMessage(EventId = 2312, Level = LogLevel.Error, Message = "Fetching source {Source} failed unexpectedly")] public static partial void LogFetchCrashed(this ILogger logger, Exception exception, string source);
    [LoggerMessage(EventId = 2313, Level = LogLevel.Warning, Message = "Source {Source} listed {Listed} items; only the newest {Taken} were taken (Feeds:MaxItemsPerRead)")] public static partial void LogItemsCapped(this ILogger logger, string source, int listed, int taken);
    [LoggerMessage(EventId = 2314, Level = LogLevel.Information, Message = "Source {Source} changes its item ids; matching by link from now on")] public static partial void LogMatchingByLink(this ILogger logger, string source);
    [LoggerMessage(EventId = 2315, Level = LogLevel.Error, Message = "Storing articles from source {Source} failed unexpectedly")] public static partial void LogStoreCrashed(this ILogger logger, Exception exception, string source);
    [LoggerMessage(EventId = 2316, Level = LogLevel.Information, Message = "Source {Source} has moved permanently to {Url}")] public static partial void LogSourceMoved(this ILogger logger, string source, Uri url);
    [LoggerMessage(EventId = 2317, Level = LogLevel.Warning, Message = "Source {Source} failed ({Failures} in a row): {Reason}")] public static partial void LogSourceFailed(this ILogger logger, string source, int failures, string reason);
    [LoggerMessage(EventId = 2318, Level = LogLevel.Warning, Message = "Storing {Sources} sources' articles together failed; storing them one source at a time")] public static partial void LogBatchFailed(this ILogger logger, Exception exception, int sources);
}
