namespace NewsBot.Monitoring;

/// <summary>Every event the monitoring server logs, each with a stable event id (from 2201) to filter and alert on.</summary>
internal static partial class MonitoringLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Could not count the outbox for the status history")] public static partial void LogSampleFailed(this ILogger logger, Exception exception);
    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Monitoring: listening on {Addresses} (/healthz, /readyz, /metrics, status page at /)")] public static partial void LogListening(this ILogger logger, string addresses);
}
