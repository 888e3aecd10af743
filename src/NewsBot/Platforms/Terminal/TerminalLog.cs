namespace NewsBot.Platforms.Terminal;

/// <summary>Every event the terminal chat logs, each with a stable event id (from 5001) to filter and alert on.</summary>
internal static partial class TerminalLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "The terminal chat could not answer")] public static partial void LogAnswerFailed(this ILogger logger, Exception exception);
}
