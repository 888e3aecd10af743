namespace NewsBot.Storage;

/// <summary>Every event the storage engines log, each with a stable event id (from 2101) to filter and alert on.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Error, Message = "Writing to the database {Path} failed ({Reason}); closing it and opening it afresh")] public static partial void LogWriteFailed(this ILogger logger, string path, string reason);
    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "The database {Path} was opened afresh after a failed write; it is usable again")] public static partial void LogReopened(this ILogger logger, string path);
    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "The database {Path} cannot be opened again yet ({Reason}); the next use tries again")] public static partial void LogReopenFailed(this ILogger logger, string path, string reason);
    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Storage: PostgreSQL at {Where}, schema version {Version}")] public static partial void LogSchemaCurrent(this ILogger logger, string where, int version);
    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "Storage: created NewsBot's tables in PostgreSQL at {Where} (schema version {Version})")] public static partial void LogSchemaCreated(this ILogger logger, string where, int version);
    [LoggerMessage(EventId = 2106, Level = LogLevel.Information, Message = "Storage: migrated PostgreSQL at {Where} from schema version {From} to {To}")] public static partial void LogSchemaMigrated(this ILogger logger, string where, int from, int to);
    [LoggerMessage(EventId = 2107, Level = LogLevel.Information, Message = "Storage: gave {Count} articles of {Path} their publication day for the retention index, in {Seconds:0.0} s (once, for a file written by an older NewsBot)")] public static partial void LogArticleDaysFilled(this ILogger logger, string path, int count, double seconds);
}
