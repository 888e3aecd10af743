namespace NewsBot.Core.Delivery;

/// <summary>Every event the delivery planner and dispatcher log, each with a stable event id (from 1301) to filter and alert on.</summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "{Chat} takes no messages for now ({Reason}); its queue waits {Wait} before the next try")] public static partial void LogPaused(this ILogger logger, string chat, string reason, TimeSpan wait);
    [LoggerMessage(EventId = 1302, Level = LogLevel.Error, Message = "Sending to {Chat} failed unexpectedly")] public static partial void LogSendCrashed(this ILogger logger, Exception exception, string chat);
    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "{Platform} asked the bot to wait {Delay} before sending anything")] public static partial void LogGlobalWait(this ILogger logger, string platform, TimeSpan delay);
    [LoggerMessage(EventId = 1304, Level = LogLevel.Information, Message = "Chat {Chat} is unreachable ({Reason}); {Dropped} pending pushes dropped")] public static partial void LogUnreachable(this ILogger logger, string chat, string reason, int dropped);
    [LoggerMessage(EventId = 1305, Level = LogLevel.Error, Message = "Composing {Kind} entry {Id} failed")] public static partial void LogComposeFailed(this ILogger logger, Exception exception, OutboxKind kind, long id);
    [LoggerMessage(EventId = 1306, Level = LogLevel.Information, Message = "Queued {Count} pushes for {Articles} new articles")] public static partial void LogQueued(this ILogger logger, int count, int articles);
    [LoggerMessage(EventId = 1307, Level = LogLevel.Warning, Message = "Planning was taken over by another instance; it plans the articles this one did not")] public static partial void LogPlanningLost(this ILogger logger);
    [LoggerMessage(EventId = 1308, Level = LogLevel.Warning, Message = "Planning pushes for {Count} articles stored but not yet planned (the bot stopped in between)")] public static partial void LogCatchingUp(this ILogger logger, int count);
    [LoggerMessage(EventId = 1309, Level = LogLevel.Debug, Message = "Planning pushes for {Count} articles stored since the last plan")] public static partial void LogPlanningStored(this ILogger logger, int count);
}
