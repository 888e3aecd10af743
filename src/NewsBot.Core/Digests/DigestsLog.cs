namespace NewsBot.Core.Digests;

/// <summary>Every event the daily digests log, each with a stable event id (from 1801) to filter and alert on.</summary>
internal static partial class DigestsLog
{
    [LoggerMessage(EventId = 1801, Level = LogLevel.Information, Message = "Daily digests: {Due} due, {Queued} queued, {Empty} with nothing new")] public static partial void LogDigestRound(this ILogger logger, int due, int queued, int empty);
}
