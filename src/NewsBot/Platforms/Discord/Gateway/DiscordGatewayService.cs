using Microsoft.Extensions.Hosting;

namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>
/// Runs the gateway client for the host's lifetime. When Discord refuses the bot the client stops
/// with one error line and this service ends, while the rest of the host keeps running.
/// </summary>
internal sealed class DiscordGatewayService(DiscordGatewayClient client) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => client.RunAsync(stoppingToken);
}
