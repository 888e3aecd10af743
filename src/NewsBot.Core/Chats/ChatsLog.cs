namespace NewsBot.Core.Chats;

/// <summary>Every event the chat lifecycle logs, each with a stable event id (from 1101) to filter and alert on.</summary>
internal static partial class ChatsLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Chat {Chat} is inactive: {Reason}")] public static partial void LogDeactivated(this ILogger logger, ChatAddress chat, string reason);
    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Deliveries to chat {Chat} wait: {Reason}")] public static partial void LogPaused(this ILogger logger, ChatAddress chat, string reason);
    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Deliveries to chat {Chat} go on")] public static partial void LogResumed(this ILogger logger, ChatAddress chat);
    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Chat {From} moved to {To} with its settings and subscriptions")] public static partial void LogMigrated(this ILogger logger, ChatAddress from, ChatAddress to);
    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Could not read the language {User} chose; answering in the platform's")] public static partial void LogChoiceNotRead(this ILogger logger, Exception exception, string user);
}
