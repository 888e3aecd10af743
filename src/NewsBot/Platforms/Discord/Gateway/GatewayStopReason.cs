namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>Why the gateway client stopped for good: a fatal close code, or the host shutting down.</summary>
/// <param name="CloseCode">The gateway's close code when Discord refused the bot; null on shutdown.</param>
internal sealed record GatewayStopReason(int? CloseCode)
{
    public bool IsFatal => CloseCode is not null;

    public static GatewayStopReason Shutdown { get; } = new(CloseCode: null);
}
