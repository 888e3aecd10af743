namespace NewsBot.Core.Roles;

/// <summary>Every event the keeper of this instance's roles logs, each with a stable event id (from 1601) to filter and alert on.</summary>
internal static partial class RolesLog
{
    [LoggerMessage(EventId = 1601, Level = LogLevel.Information, Message = "Instance {Instance} now holds the role {Role} (fencing number {Fence})")] public static partial void LogTaken(this ILogger logger, string instance, string role, long fence);
    [LoggerMessage(EventId = 1602, Level = LogLevel.Warning, Message = "Instance {Instance} no longer holds the role {Role}: {Reason}")] public static partial void LogLost(this ILogger logger, string instance, string role, string reason);
    [LoggerMessage(EventId = 1603, Level = LogLevel.Information, Message = "Instance {Instance} let the role {Role} go")] public static partial void LogReleased(this ILogger logger, string instance, string role);
    [LoggerMessage(EventId = 1604, Level = LogLevel.Warning, Message = "Could not let the role {Role} go ({Reason}); its lease runs out by itself")] public static partial void LogReleaseFailed(this ILogger logger, string role, string reason);
    [LoggerMessage(EventId = 1605, Level = LogLevel.Warning, Message = "Could not ask for the role {Role} ({Reason}); trying again")] public static partial void LogAskFailed(this ILogger logger, string role, string reason);
    [LoggerMessage(EventId = 1606, Level = LogLevel.Information, Message = "Roles can be asked for again")] public static partial void LogAskedAgain(this ILogger logger);
    [LoggerMessage(EventId = 1607, Level = LogLevel.Warning, Message = "Could not renew the role {Role} ({Reason}); trying again")] public static partial void LogRenewFailed(this ILogger logger, string role, string reason);
    [LoggerMessage(EventId = 1608, Level = LogLevel.Information, Message = "Renewed the role {Role} again")] public static partial void LogRenewedAgain(this ILogger logger, string role);
}
