namespace NewsBot.Core.Reading;

/// <summary>Every event the full-text reader logs, each with a stable event id (from 1501) to filter and alert on.</summary>
internal static partial class ReadingLog
{
    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Read the page of article {ArticleId}: {Origin} {Problem}")] public static partial void LogRead(this ILogger logger, int articleId, ArticleTextOrigin origin, FullTextProblem problem);
    [LoggerMessage(EventId = 1502, Level = LogLevel.Error, Message = "Reading the page of article {ArticleId} failed unexpectedly")] public static partial void LogReadFailed(this ILogger logger, Exception exception, int articleId);
    [LoggerMessage(EventId = 1503, Level = LogLevel.Warning, Message = "The full text of article {ArticleId} could not be looked up")] public static partial void LogStoreFailed(this ILogger logger, Exception exception, int articleId);
}
