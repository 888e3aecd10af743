namespace NewsBot.Feeds;

/// <summary>Every event the feed fetcher and page reader log, each with a stable event id (from 2301) to filter and alert on.</summary>
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
}
