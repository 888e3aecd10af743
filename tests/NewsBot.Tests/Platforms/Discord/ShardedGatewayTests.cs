namespace NewsBot.Tests.Platforms.Discord;

/// <summary>One process on its own database runs every gateway shard, each identifying as its shard; one shard identifies as an unsharded bot.</summary>
public sealed class ShardedGatewayTests
{
    [Fact]
    public async Task Alone_ItRunsEveryShardDiscordRecommends_EachIdentifyingAsItsShard()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        await using var harness = ShardsHarness.Create(gateway);
        harness.BotSource.Shards = 3;
        using var stop = new CancellationTokenSource();
        var running = Task.Run(() => harness.Shards.RunAsync(stop.Token));

        await Eventually.WaitUntilAsync(() => harness.Shards.Held.Count(c => c.Status == GatewayStatus.Ready) == 3, "three shards to be ready");
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3, gateway.ConnectionCount);
        var identified = new List<(int Id, int Count)>();
        for (var n = 1; n <= 3; n++)
        {
            var shard = (await gateway.ConnectionAsync(n)).ReceivedOp(2).Single()["d"]!["shard"]!.AsArray();
            identified.Add(((int)shard[0]!, (int)shard[1]!));
        }

        Assert.Equal([(0, 3), (1, 3), (2, 3)], identified.Order());
        Assert.Equal(GatewayStopReason.Shutdown, harness.Shards.StopReason);
    }

    [Fact]
    public async Task OneShard_IdentifiesWithoutAShardField_AsBeforeSharding()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        await using var harness = ShardsHarness.Create(gateway, shardCount: 1);
        using var stop = new CancellationTokenSource();
        var running = Task.Run(() => harness.Shards.RunAsync(stop.Token));

        var identify = await (await gateway.ConnectionAsync(1)).WaitForOpAsync(2);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(identify["d"]!["shard"]);
        Assert.Equal(1, gateway.ConnectionCount);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(DiscordOptions.MaxShardCount + 1)]
    public void AShardCountOutOfRange_IsRefused_NamingTheSetting(int count)
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions { Token = FakeDiscordGateway.Token, ShardCount = count });

        Assert.True(result.Failed);
        Assert.Contains("Discord:ShardCount", result.FailureMessage, StringComparison.Ordinal);
    }
}
