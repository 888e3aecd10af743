using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace NewsBot.Platforms.Telegram;

/// <summary>Every event the Telegram adapter logs, each with a stable event id (from 3001) to filter and alert on.</summary>
internal static partial class TelegramLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Telegram: connected as @{UserName} ({Mode})")] public static partial void LogConnected(this ILogger logger, string? userName, string mode);
    [LoggerMessage(EventId = 3002, Level = LogLevel.Critical, Message = "Telegram refused the bot token (error {Code}). Check Telegram:Token; it must be the token @BotFather gave. {Outcome}")] public static partial void LogTokenRefused(this ILogger logger, int code, string outcome);
    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Telegram: could not {Action}; trying again")] public static partial void LogApiRetrying(this ILogger logger, string action, Exception exception);
    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Telegram: could not publish the command menu ({Language})")] public static partial void LogMenuNotPublished(this ILogger logger, string language, Exception exception);
    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Telegram: another process is receiving this bot's updates (409 Conflict). Run one NewsBot per token.")] public static partial void LogConflict(this ILogger logger);
    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Telegram: webhook set to {Url}")] public static partial void LogWebhookSet(this ILogger logger, string url);
    [LoggerMessage(EventId = 3007, Level = LogLevel.Error, Message = "Telegram: could not store the update offset {Offset}")] public static partial void LogOffsetNotStored(this ILogger logger, Exception exception, string offset);
    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Telegram refused to tell about channel {Channel} ({Reason})")] public static partial void LogCheckFailed(this ILogger logger, string channel, string reason);
    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "Could not check whether user {User} administers chat {Chat}")] public static partial void LogNotChecked(this ILogger logger, Exception exception, long user, long chat);
    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Telegram delivery to {Chat} did not go through: {Outcome}")] public static partial void LogNotDelivered(this ILogger logger, ChatAddress chat, SendOutcome outcome);
    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "A held answer to chat {Chat} could not be sent")] public static partial void LogHeldAnswerLost(this ILogger logger, Exception exception, ChatId chat);
    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "Telegram refused the photo ({Reason}); sending the article as text")] public static partial void LogPhotoRefused(this ILogger logger, string reason);
    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "Telegram could not parse an edit's HTML ({Reason}); editing as plain text")] public static partial void LogEditHtmlRefused(this ILogger logger, string reason);
    [LoggerMessage(EventId = 3014, Level = LogLevel.Information, Message = "Could not {Change} message {Message} in chat {Chat} ({Reason})")] public static partial void LogNotEdited(this ILogger logger, string change, int message, ChatId chat, string reason);
    [LoggerMessage(EventId = 3015, Level = LogLevel.Warning, Message = "Telegram could not parse a message's HTML ({Reason}); sending it as plain text")] public static partial void LogHtmlRefused(this ILogger logger, string reason);
    [LoggerMessage(EventId = 3016, Level = LogLevel.Information, Message = "Telegram asked to wait {Seconds} s before writing to chat {Chat} again")] public static partial void LogFloodWait(this ILogger logger, double seconds, ChatId chat);
    [LoggerMessage(EventId = 3017, Level = LogLevel.Warning, Message = "Writing to chat {Chat} failed; trying again in {Seconds} s")] public static partial void LogWriteRetrying(this ILogger logger, Exception exception, ChatId chat, double seconds);
    [LoggerMessage(EventId = 3018, Level = LogLevel.Information, Message = "Chat {From} became supergroup {To}; moving its settings and subscriptions")] public static partial void LogMigrating(this ILogger logger, long from, long to);
    [LoggerMessage(EventId = 3019, Level = LogLevel.Error, Message = "Telegram update {Update} could not be handled")] public static partial void LogUpdateFailed(this ILogger logger, Exception exception, int update);
    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Could not answer user {User} privately ({Reason})")] public static partial void LogNotPrivate(this ILogger logger, long user, string reason);
    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "Could not answer button press {Query} ({Reason})")] public static partial void LogPressNotAnswered(this ILogger logger, string query, string reason);
    [LoggerMessage(EventId = 3022, Level = LogLevel.Information, Message = "The bot is in chat {Chat} ({Status})")] public static partial void LogInChat(this ILogger logger, ChatAddress chat, ChatMemberStatus status);
    [LoggerMessage(EventId = 3023, Level = LogLevel.Information, Message = "Forum topic {Topic} was reopened; its pushes resume")] public static partial void LogTopicReopened(this ILogger logger, ChatAddress topic);
    [LoggerMessage(EventId = 3024, Level = LogLevel.Information, Message = "Group {From} became supergroup {To}; its settings and subscriptions moved with it")] public static partial void LogMigrated(this ILogger logger, long from, long to);
    [LoggerMessage(EventId = 3025, Level = LogLevel.Information, Message = "Telegram: webhook server listening on {Addresses}, path {Path}")] public static partial void LogListening(this ILogger logger, string addresses, string path);
}
