namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>Asks Discord (<c>GET /gateway/bot</c>) where the gateway is and how many identifies are left.</summary>
internal interface IGatewayBotSource
{
    Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken);
}
