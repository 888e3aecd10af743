using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;

namespace NewsBot.Tests.Platforms.Discord;

/// <summary>
/// An instance's Discord gateway shards pointed at a <see cref="FakeDiscordGateway"/> with
/// millisecond waits: by default alone on its database (every shard its own), or sharing roles
/// through <paramref name="leases"/> with other instances.
/// </summary>
internal sealed record ShardsHarness(DiscordShards Shards, FakeGatewayBotSource BotSource, RecordingDispatchHandler Handler, FakeLogCollector Logs, RoleKeeper Roles)
    : IAsyncDisposable
{
    public static ShardsHarness Create(
        FakeDiscordGateway gateway,
        IRoleLeases? leases = null,
        string instance = "solo",
        int shardCount = 0,
        int leaseSeconds = 15,
        GatewayTimings? timings = null)
    {
        var time = TimeProvider.System;
        timings ??= GatewayHarness.FastTimings;
        leases ??= new SingleProcessRoleLeases();
        var logs = new FakeLogCollector();
        var options = Options.Create(new DiscordOptions { Token = FakeDiscordGateway.Token, ShardCount = shardCount });
        var identity = new InstanceIdentity(instance);
        var roles = new RoleKeeper(leases, identity, Options.Create(new ScalingOptions { LeaseSeconds = leaseSeconds }), time, new FakeLogger<RoleKeeper>(logs));
        var botSource = new FakeGatewayBotSource(gateway.Url);
        var handler = new RecordingDispatchHandler();
        var turns = new IdentifyTurns(leases, identity, timings, time, NullLogger<IdentifyTurns>.Instance);
        var shards = new DiscordShards(
            options, botSource, handler, roles, turns, timings, time, new FakeLogger<DiscordGatewayClient>(logs), new FakeLogger<DiscordShards>(logs));
        return new ShardsHarness(shards, botSource, handler, logs, roles);
    }

    public IReadOnlyList<string> LogLines => Logs.GetSnapshot().Select(r => $"{r.Level} {r.Message}").ToList();

    public async ValueTask DisposeAsync() => await Roles.DisposeAsync();
}
