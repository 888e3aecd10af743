namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>Where the gateway connection stands, for health checks and logs.</summary>
internal enum GatewayStatus
{
    NotStarted,
    Connecting,
    Identifying,
    Resuming,
    Ready,
    WaitingToReconnect,
    Stopped,
}
