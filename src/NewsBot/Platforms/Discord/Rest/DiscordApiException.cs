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

    public static DiscordFailure Classify(int status, int code) => code switch
    {
        DiscordErrorCodes.CannotMessageUser or DiscordErrorCodes.CannotMessageUserNoMutualGuild => DiscordFailure.CannotMessageUser,
        DiscordErrorCodes.UnknownChannel => DiscordFailure.UnknownChannel,
        DiscordErrorCodes.MissingAccess => DiscordFailure.MissingAccess,
        DiscordErrorCodes.MissingPermissions => DiscordFailure.MissingPermissions,
        DiscordErrorCodes.UnknownMessage => DiscordFailure.UnknownMessage,
        DiscordErrorCodes.UnknownInteraction => DiscordFailure.UnknownInteraction,
        DiscordErrorCodes.AlreadyAcknowledged => DiscordFailure.AlreadyAcknowledged,
        DiscordErrorCodes.UnknownWebhook or DiscordErrorCodes.InvalidWebhookToken => DiscordFailure.UnknownWebhook,
        DiscordErrorCodes.InvalidFormBody or DiscordErrorCodes.CannotSendEmptyMessage or DiscordErrorCodes.RequestTooLarge => DiscordFailure.InvalidRequest,
        DiscordErrorCodes.DailyCommandCreateLimit => DiscordFailure.CommandCreateLimit,
        DiscordErrorCodes.ThreadArchived or DiscordErrorCodes.ThreadLocked => DiscordFailure.ThreadClosed,
        DiscordErrorCodes.CannotSendInNonTextChannel => DiscordFailure.NotATextChannel,
        _ when status == 403 => DiscordFailure.MissingPermissions,
        _ => DiscordFailure.Other,
    };
}
