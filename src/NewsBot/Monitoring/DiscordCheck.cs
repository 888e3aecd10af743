namespace NewsBot.Monitoring;

/// <summary>The Discord gateway session is ready to receive commands.</summary>
internal sealed class DiscordCheck(DiscordBotService service, DiscordGatewayClient gateway) : IReadinessCheck
{
    public string Name => "discord";

    public ValueTask<CheckResult> CheckAsync(CancellationToken cancellationToken) => ValueTask.FromResult(
        service.Refused ? CheckResult.Fail("Discord refused the bot; the log says which setting to fix")
        : gateway.Status == GatewayStatus.Ready ? CheckResult.Pass("gateway ready")
        : CheckResult.Fail("gateway " + gateway.Status.ToString().ToLowerInvariant()));
}
