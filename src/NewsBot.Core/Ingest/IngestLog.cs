namespace NewsBot.Core.Ingest;

/// <summary>Every event the article ingestor and pruner log, each with a stable event id (from 1701) to filter and alert on.</summary>
internal static partial class IngestLog
{
    [LoggerMessage(EventId = 1701, Level = LogLevel.Information, Message = "Stored {NewCount} new articles from {Source}")] public static partial void LogArticlesStored(this ILogger logger, int newCount, string source);
    [LoggerMessage(EventId = 1702, Level = LogLevel.Information, Message = "Pruned {Count} articles published before {Cutoff:u}")] public static partial void LogArticlesPruned(this ILogger logger, int count, DateTimeOffset cutoff);
    [LoggerMessage(EventId = 1703, Level = LogLevel.Information, Message = "Storing {Sources} sources' articles with the new sources looked up by link only failed; storing them again with every key looked up")] public static partial void LogBatchStoredAgain(this ILogger logger, Exception exception, int sources);
}
