namespace NewsBot.Hosting;

/// <summary>Every event the host and its background services log, each with a stable event id (from 2001) to filter and alert on.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Scheduled backups are off (Storage:BackupInterval is 00:00:00)")] public static partial void LogBackupsOff(this ILogger logger);
    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Backed up the database to {Path} ({Summary}); the copy was checked")] public static partial void LogBackedUp(this ILogger logger, string path, string summary);
    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Backing up the database failed: {Reason}. Trying again in {Retry}")] public static partial void LogBackupFailed(this ILogger logger, string reason, TimeSpan retry);
    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Deleted the old backup {Path} (Storage:BackupsToKeep)")] public static partial void LogBackupPruned(this ILogger logger, string path);
    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Could not delete the old backup {Path}: {Reason}")] public static partial void LogBackupPruneFailed(this ILogger logger, string path, string reason);
    [LoggerMessage(EventId = 2006, Level = LogLevel.Critical, Message = "{Reason} This instance stops with exit code {ExitCode} to start again and read everything afresh; raise Scaling:ChangeRetentionHours if its database outages last longer.")] public static partial void LogFellBehind(this ILogger logger, string reason, int exitCode);
    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "{Count} active chats")] public static partial void LogActiveChats(this ILogger logger, int count);
    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Queued {Count} pushes for articles stored before the last stop")] public static partial void LogCaughtUp(this ILogger logger, int count);
    [LoggerMessage(EventId = 2009, Level = LogLevel.Error, Message = "Delivering to {Platform} failed; trying again in {Tick}")] public static partial void LogDeliveryFailed(this ILogger logger, Exception exception, string platform, TimeSpan tick);
    [LoggerMessage(EventId = 2010, Level = LogLevel.Error, Message = "Planning pushes failed; trying again in {Tick}")] public static partial void LogPlanningFailed(this ILogger logger, Exception exception, TimeSpan tick);
    [LoggerMessage(EventId = 2011, Level = LogLevel.Debug, Message = "Deleted {Count} finished outbox entries")] public static partial void LogOutboxPruned(this ILogger logger, int count);
    [LoggerMessage(EventId = 2012, Level = LogLevel.Error, Message = "Deleting old outbox entries failed; trying again in {Interval}")] public static partial void LogOutboxPruneFailed(this ILogger logger, Exception exception, TimeSpan interval);
    [LoggerMessage(EventId = 2013, Level = LogLevel.Error, Message = "{Work} failed; trying again in {Interval}")] public static partial void LogRoundFailed(this ILogger logger, Exception exception, string work, TimeSpan interval);
    [LoggerMessage(EventId = 2014, Level = LogLevel.Information, Message = "Instance {Instance} starting; roles are shared with the other instances on this database")] public static partial void LogSharedInstance(this ILogger logger, string instance);
    [LoggerMessage(EventId = 2015, Level = LogLevel.Debug, Message = "Instance {Instance} starting; it holds every role, being the only process on its database")] public static partial void LogSingleInstance(this ILogger logger, string instance);
    [LoggerMessage(EventId = 2016, Level = LogLevel.Information, Message = "Indexed {Count} subscriptions")] public static partial void LogSubscriptionsIndexed(this ILogger logger, int count);
    [LoggerMessage(EventId = 2017, Level = LogLevel.Warning, Message = "The stored articles were read through the shared database instance")] public static partial void LogReadThroughSharedInstance(this ILogger logger);
    [LoggerMessage(EventId = 2018, Level = LogLevel.Information, Message = "Indexed {Count} stored articles in {Elapsed:0} ms")] public static partial void LogArticlesIndexed(this ILogger logger, int count, double elapsed);
    [LoggerMessage(EventId = 2019, Level = LogLevel.Information, Message = "Started the index from its image: {FromImage} articles as they were, {Read} read from the database")] public static partial void LogIndexRestored(this ILogger logger, int fromImage, int read);
    [LoggerMessage(EventId = 2020, Level = LogLevel.Information, Message = "Read every stored article, not the index image: {WhyNot}")] public static partial void LogImageNotUsed(this ILogger logger, string whyNot);
    [LoggerMessage(EventId = 2021, Level = LogLevel.Information, Message = "Wrote the index image of {Count} articles ({Megabytes:0} MB) in {Elapsed:0} ms")] public static partial void LogImageWritten(this ILogger logger, int count, double megabytes, double elapsed);
    [LoggerMessage(EventId = 2022, Level = LogLevel.Warning, Message = "Stopped before the index image was written; the next start reads what the last image lacks from the database")] public static partial void LogImageWriteCutShort(this ILogger logger);
    [LoggerMessage(EventId = 2023, Level = LogLevel.Warning, Message = "Could not write the index image {Path}: {Reason}; the next start reads every article from the database")] public static partial void LogImageNotWritten(this ILogger logger, string path, string reason);
    [LoggerMessage(EventId = 2024, Level = LogLevel.Information, Message = "NewsBot is running on {Platforms}. Press Ctrl+C to stop.")] public static partial void LogRunning(this ILogger logger, string platforms);
}
