using NewsBot.Platforms.Discord.Gateway;

namespace NewsBot.Tests.Platforms.Discord;

/// <summary>How the shards are shared out: evenly, adding up to the shard count, the same answer on every instance.</summary>
public sealed class ShardShareTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    [InlineData(2, 3)]
    [InlineData(16, 5)]
    public void Shares_AddUpToTheShards_AndNoneIsAboveTheShardsPerInstanceRoundedUp(int shards, int instances)
    {
        var ids = Enumerable.Range(1, instances).Select(i => $"web-{i}:{100 + i}:ab{i:x2}").ToList();

        var shares = ids.Select(id => ShardShare.Of(id, ids, shards)).ToList();

        Assert.Equal(shards, shares.Sum());
        Assert.All(shares, share => Assert.InRange(share, shards / instances, (shards + instances - 1) / instances));
    }

    [Fact]
    public void AnInstanceNotYetListed_CountsItself()
    {
        Assert.Equal(2, ShardShare.Of("b", ["a"], 4));
        Assert.Equal(4, ShardShare.Of("a", [], 4));
    }
}
