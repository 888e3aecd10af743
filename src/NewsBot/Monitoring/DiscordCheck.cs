namespace NewsBot.Monitoring;

/// <summary>
/// The Discord gateway shards this instance holds are ready to receive commands. An instance
/// that holds none while others share the database is ready too: the others hold them.
/// </summary>
internal sealed class DiscordCheck(DiscordBotService service, DiscordShards gateway, RoleKeeper roles) : IReadinessCheck
{
    public string Name => "discord";

    public ValueTask<CheckResult> CheckAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Check(gateway.Held));

    private CheckResult Check(IReadOnlyList<DiscordGatewayClient> held) =>
        service.Refused ? CheckResult.Fail("Discord refused the bot; the log says which setting to fix")
        : held.Count == 0 ? roles.Shared && gateway.Count > 0 ? CheckResult.Pass("gateway shards held by other instances") : CheckResult.Fail("gateway not started")
        : held.FirstOrDefault(c => c.Status != GatewayStatus.Ready) is { } waiting
            ? CheckResult.Fail(Describe(waiting) + waiting.Status.ToString().ToLowerInvariant())
            : CheckResult.Pass(held.Count == 1 && gateway.Count == 1 ? "gateway ready" : $"gateway shards {string.Join(", ", held.Select(c => c.Shard.Id))} of {gateway.Count} ready");

    private static string Describe(DiscordGatewayClient client) => client.Shard.Count == 1 ? "gateway " : $"gateway shard {client.Shard} ";
}
