namespace NewsBot.Core.Changes;

/// <summary>Every event the change feed logs, each with a stable event id (from 1201) to filter and alert on.</summary>
internal static partial class ChangesLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Applied {Count} changes from the database, up to number {Position}")] public static partial void LogApplied(this ILogger logger, int count, long position);
    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Cannot follow the database's changes ({Reason}); this instance answers from what it knew at change {Position} until the database is back")] public static partial void LogFollowingFailed(this ILogger logger, string reason, long position);
    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Following the database's changes again, caught up to number {Position}")] public static partial void LogFollowingAgain(this ILogger logger, long position);
    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Pruned {Count} entries of the change feed older than {Age}")] public static partial void LogPruned(this ILogger logger, int count, TimeSpan age);
}
