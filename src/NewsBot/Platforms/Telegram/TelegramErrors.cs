using System.Net;
using Telegram.Bot.Exceptions;

namespace NewsBot.Platforms.Telegram;

/// <summary>
/// Reads what a failed Bot API call means. <see cref="ApiRequestException"/> carries Telegram's
/// own error code and description; <see cref="RequestException"/> is transport or
/// deserialization trouble and always worth retrying later.
/// </summary>
internal static class TelegramErrors
{
    public const string TopicClosed = "the forum topic is closed";
    public const string TopicDeleted = "the forum topic was deleted";

    public static bool IsFlood(Exception ex, out TimeSpan retryAfter)
    {
        if (ex is ApiRequestException { ErrorCode: 429 } api)
        {
            retryAfter = TimeSpan.FromSeconds(Math.Max(1, api.Parameters?.RetryAfter ?? 5));
            return true;
        }

        retryAfter = default;
        return false;
    }

    public static long? MigratedTo(Exception ex) =>
        ex is ApiRequestException { Parameters.MigrateToChatId: { } to } ? to : null;

    public static bool IsParseError(Exception ex) =>
        ex is ApiRequestException { ErrorCode: 400 } api && Has(api, "can't parse entities");

    public static bool IsNotModified(Exception ex) =>
        ex is ApiRequestException { ErrorCode: 400 } api && Has(api, "message is not modified");

    /// <summary>Server trouble or the network: the same request may work later.</summary>
    public static bool IsTransient(Exception ex) => ex switch
    {
        ApiRequestException api => api.ErrorCode >= 500,
        RequestException => true,
        HttpRequestException => true,
        TaskCanceledException => true, // a timeout, not our own cancellation (callers filter that)
        _ => false,
    };

    /// <summary>The delivery outcome for a failed send.</summary>
    public static SendOutcome Classify(Exception ex)
    {
        if (IsFlood(ex, out var retryAfter))
        {
            // Telegram does not say whether a 429 is about the chat or the bot; it is nearly always the chat.
            return new SendOutcome.RetryAfter(retryAfter, Global: false);
        }

        if (IsTransient(ex))
        {
            return new SendOutcome.TransientFailure(TransientReason(ex));
        }

        if (ex is not ApiRequestException api)
        {
            return new SendOutcome.TransientFailure("unexpected error: " + ex.GetType().Name);
        }

        return api.ErrorCode switch
        {
            403 when Has(api, "blocked") => new SendOutcome.PermanentFailure("blocked by the user", ChatUnreachable: true),
            403 when Has(api, "kicked") => new SendOutcome.PermanentFailure("removed from the chat", ChatUnreachable: true),
            403 when Has(api, "deactivated") => new SendOutcome.PermanentFailure("the user's account is deleted", ChatUnreachable: true),
            403 when Has(api, "not a member") => new SendOutcome.PermanentFailure("not a member of the chat", ChatUnreachable: true),
            403 when HasNoRights(api) => new SendOutcome.PermanentFailure("no rights to post in the chat", ChatUnreachable: false),
            403 => new SendOutcome.PermanentFailure(api.Message, ChatUnreachable: true),
            400 when Has(api, "chat not found") => new SendOutcome.PermanentFailure("chat not found", ChatUnreachable: true),

            // Only a forum topic's address carries a message_thread_id: the topic is lost, its group is not.
            400 when Has(api, "TOPIC_CLOSED") => new SendOutcome.PermanentFailure(TopicClosed, ChatUnreachable: true),
            400 when Has(api, "message thread not found") || Has(api, "TOPIC_DELETED") => new SendOutcome.PermanentFailure(TopicDeleted, ChatUnreachable: true),
            400 when HasNoRights(api) => new SendOutcome.PermanentFailure("no rights to post in the chat", ChatUnreachable: false),
            401 or 404 => new SendOutcome.PermanentFailure("the Bot API refused the bot token", ChatUnreachable: false),
            _ => new SendOutcome.PermanentFailure($"refused ({api.ErrorCode}): {api.Message}", ChatUnreachable: false),
        };
    }

    private static string TransientReason(Exception ex) => ex switch
    {
        ApiRequestException api => $"Bot API error {api.ErrorCode}",
        RequestException { HttpStatusCode: { } status } => $"Bot API answered HTTP {(int)status}",
        TaskCanceledException => "the request timed out",
        _ => "network error",
    };

    private static bool HasNoRights(ApiRequestException api) =>
        Has(api, "not enough rights") || Has(api, "have no rights") || Has(api, "CHAT_WRITE_FORBIDDEN") || Has(api, "need administrator rights");

    private static bool Has(ApiRequestException api, string text) => api.Message.Contains(text, StringComparison.OrdinalIgnoreCase);
}
