namespace NewsBot.Platforms.Discord;

/// <summary>Reads what a failed Discord send means for delivery.</summary>
internal static class DiscordErrors
{
    /// <summary>Whether the failure is one Discord or the network explains; anything else is a bug worth a stack trace.</summary>
    public static bool IsExpected(Exception exception) =>
        exception is DiscordRateLimitedException or DiscordUnavailableException or DiscordApiException or ArgumentException or HttpRequestException or TaskCanceledException;

    public static SendOutcome Classify(Exception exception) => exception switch
    {
        DiscordRateLimitedException limited => new SendOutcome.RetryAfter(limited.RetryAfter < TimeSpan.Zero ? TimeSpan.Zero : limited.RetryAfter, limited.Global),
        DiscordUnavailableException { IsTransient: true } unavailable => new SendOutcome.TransientFailure(unavailable.Message),
        DiscordUnavailableException unavailable => new SendOutcome.PermanentFailure(unavailable.Message, ChatUnreachable: false),
        DiscordApiException api => api.Failure switch
        {
            DiscordFailure.CannotMessageUser => new SendOutcome.PermanentFailure("the person does not accept direct messages from the bot", ChatUnreachable: true),
            DiscordFailure.UnknownChannel => new SendOutcome.PermanentFailure("the channel no longer exists", ChatUnreachable: true),
            DiscordFailure.MissingAccess => new SendOutcome.PermanentFailure("the bot cannot see the channel (Missing Access)", ChatUnreachable: true),
            DiscordFailure.MissingPermissions => new SendOutcome.PermanentFailure("the bot may not post there (Missing Permissions: Send Messages, Embed Links)", ChatUnreachable: true),
            _ => new SendOutcome.PermanentFailure($"Discord refused the message (HTTP {api.Status}, code {api.Code}): {api.DiscordMessage}", ChatUnreachable: false),
        },
        ArgumentException invalid => new SendOutcome.PermanentFailure(invalid.Message, ChatUnreachable: false),
        HttpRequestException or TaskCanceledException => new SendOutcome.TransientFailure("network error"),
        _ => new SendOutcome.TransientFailure("unexpected error: " + exception.GetType().Name),
    };
}
