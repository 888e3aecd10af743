namespace NewsBot.Core.Commands;

/// <summary>Every event the command router and its chat targets log, each with a stable event id (from 1001) to filter and alert on.</summary>
internal static partial class CommandsLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Could not record forum topic {Chat}")] public static partial void LogNotRecorded(this ILogger logger, Exception exception, string chat);
    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "{User} may not manage channel {Channel} from a private chat: {Verdict}")] public static partial void LogRefused(this ILogger logger, string user, string channel, ChannelVerdict verdict);
    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "{User} is sending commands faster than the rate limit; answering once, then not until it refills")] public static partial void LogSlowDown(this ILogger logger, string user);
    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Could not record chat {Chat}")] public static partial void LogChatNotRecorded(this ILogger logger, Exception exception, string chat);
    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Command /{Command} failed")] public static partial void LogCommandFailed(this ILogger logger, Exception exception, string command);
}
