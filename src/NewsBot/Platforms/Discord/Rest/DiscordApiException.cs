namespace NewsBot.Platforms.Discord.Rest;

/// <summary>Discord refused a request for good: retrying the same request will not help.</summary>
internal sealed class DiscordApiException : Exception
{
    public DiscordApiException(int status, int code, string message, string template)
        : base($"Discord refused {template}: HTTP {status}, code {code}: {message}")
    {
        Status = status;
        Code = code;
        DiscordMessage = message;
        Failure = Classify(status, code);
    }

    public DiscordApiException()
        : this(0, 0, "unknown", "a request")
    {
    }

    public DiscordApiException(string message)
        : this(0, 0, message, "a request")
    {
    }

    public DiscordApiException(string message, Exception innerException)
        : base(message, innerException) => DiscordMessage = message;

    public int Status { get; }

    public int Code { get; }

    /// <summary>Discord's own words, e.g. "Missing Permissions".</summary>
    public string DiscordMessage { get; }

    public DiscordFailure Failure { get; }

    public static DiscordFailure Classify(int status, int code) => (DiscordErrorCode)code switch
    {
        DiscordErrorCode.CannotMessageUser or DiscordErrorCode.CannotMessageUserNoMutualGuild => DiscordFailure.CannotMessageUser,
        DiscordErrorCode.UnknownChannel => DiscordFailure.UnknownChannel,
        DiscordErrorCode.MissingAccess => DiscordFailure.MissingAccess,
        DiscordErrorCode.MissingPermissions => DiscordFailure.MissingPermissions,
        DiscordErrorCode.UnknownMessage => DiscordFailure.UnknownMessage,
        DiscordErrorCode.UnknownInteraction => DiscordFailure.UnknownInteraction,
        DiscordErrorCode.AlreadyAcknowledged => DiscordFailure.AlreadyAcknowledged,
        DiscordErrorCode.UnknownWebhook or DiscordErrorCode.InvalidWebhookToken => DiscordFailure.UnknownWebhook,
        DiscordErrorCode.InvalidFormBody or DiscordErrorCode.CannotSendEmptyMessage or DiscordErrorCode.RequestTooLarge => DiscordFailure.InvalidRequest,
        DiscordErrorCode.DailyCommandCreateLimit => DiscordFailure.CommandCreateLimit,
        DiscordErrorCode.ThreadArchived or DiscordErrorCode.ThreadLocked => DiscordFailure.ThreadClosed,
        DiscordErrorCode.CannotSendInNonTextChannel => DiscordFailure.NotATextChannel,
        _ when status == 403 => DiscordFailure.MissingPermissions,
        _ => DiscordFailure.Other,
    };
}
