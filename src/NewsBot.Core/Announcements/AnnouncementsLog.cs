namespace NewsBot.Core.Announcements;

/// <summary>Every event the announcements and admin notices log, each with a stable event id (from 1401) to filter and alert on.</summary>
internal static partial class AnnouncementsLog
{
    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Admin notice: {Notice}")] public static partial void LogNotice(this ILogger logger, string notice);
    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Announcement #{Id} queued for {Count} chats and channels")] public static partial void LogQueued(this ILogger logger, int id, int count);
    [LoggerMessage(EventId = 1403, Level = LogLevel.Information, Message = "Announcement #{Id} finished: {Sent} sent, {Failed} failed, {Blocked} blocked")] public static partial void LogFinished(this ILogger logger, int id, int sent, int failed, int blocked);
}
