using NewsBot.Storage.Postgres;
using NewsBot.Tests.Platforms.Discord;

namespace NewsBot.Tests.Roles;

/// <summary>
/// Instances on one PostgreSQL database and the fake Discord gateway: each shard is held by
/// exactly one instance, every identify of any waits its turn in Discord's bucket, the shards are
/// shared out evenly as instances join, and when an instance is cut off from the database its
/// shards pass to the others once their leases end.
/// </summary>
public sealed class DiscordShardLeaseTests : PostgresTest
{
    private const int Shards = 4;
    private const int LeaseSeconds = 5;

    /// <summary>Discord's is 5 s; shorter here, long enough to see the spacing between identifies.</summary>
    private static readonly TimeSpan IdentifyWindow = TimeSpan.FromMilliseconds(400);


    [Fact]
    public async Task EachShard_HasOneInstance_IdentifiesAreSpaced_AndACutOffInstancesShardsPassToTheOther()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        var cutOff = new CutOffLeases(new PostgresRoleLeases(Database));
        var timings = GatewayHarness.FastTimings with { IdentifyWindow = IdentifyWindow };
        await using var first = ShardsHarness.Create(gateway, cutOff, "first", Shards, LeaseSeconds, timings);
        await using var second = ShardsHarness.Create(gateway, new PostgresRoleLeases(Database), "second", Shards, LeaseSeconds, timings);
        using var stopFirst = new CancellationTokenSource();
        using var stopSecond = new CancellationTokenSource();
        var runningFirst = Task.Run(() => first.Shards.RunAsync(stopFirst.Token));
        var runningSecond = Task.Run(() => second.Shards.RunAsync(stopSecond.Token));

        // Started together, they end up with two shards each, whichever saw the other first.
        await WaitForShareAsync([first, second], [2, 2]);

        Assert.Equal(Enumerable.Range(0, Shards), (await IdentifiedAsync(gateway)).Distinct().Order());
        await AssertSpacedAsync(gateway);
        var firstHeld = first.Shards.Held.Select(c => c.Shard.Id).ToList();
        var connectionsBefore = gateway.ConnectionCount;

        // The first instance can no longer reach the database: it stops acting for its shards,
        // their leases run out, and the second takes them with new sessions.
        cutOff.CutOff = true;
        await Eventually.WaitUntilAsync(() => Ready(second) == Shards, "the second instance to hold every shard", TimeSpan.FromSeconds(30));

        Assert.Empty(first.Shards.Held);
        Assert.Equal(firstHeld.Order(), (await IdentifiedAsync(gateway)).Skip(connectionsBefore).Order());
        await AssertSpacedAsync(gateway);
        await stopFirst.CancelAsync();
        await stopSecond.CancelAsync();
        await Task.WhenAll(runningFirst, runningSecond).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task InstancesJoining_ShareTheShardsEvenly_AndADeadInstancesShardsPassToTheOthers()
    {
        const int shards = 5;
        await using var gateway = await FakeDiscordGateway.StartAsync();
        var cutOff = new CutOffLeases(new PostgresRoleLeases(Database));
        await using var a = ShardsHarness.Create(gateway, new PostgresRoleLeases(Database), "a", shards, leaseSeconds: 3);
        await using var b = ShardsHarness.Create(gateway, cutOff, "b", shards, leaseSeconds: 3);
        await using var c = ShardsHarness.Create(gateway, new PostgresRoleLeases(Database), "c", shards, leaseSeconds: 3);
        using var stop = new CancellationTokenSource();
        var running = new List<Task> { Task.Run(() => a.Shards.RunAsync(stop.Token)) };

        // Alone, the first instance holds every shard.
        await WaitForShareAsync([a], [5]);

        // Each newcomer gets its share: the first instance hands shards back, it does not keep them all.
        running.Add(Task.Run(() => b.Shards.RunAsync(stop.Token)));
        await WaitForShareAsync([a, b], [3, 2]);
        running.Add(Task.Run(() => c.Shards.RunAsync(stop.Token)));
        await WaitForShareAsync([a, b, c], [2, 2, 1]);

        // An instance cut off from the database is as good as dead: once its leases end, the others take its shards.
        cutOff.CutOff = true;
        await WaitForShareAsync([a, c], [3, 2]);
        Assert.Empty(b.Shards.Held);

        await stop.CancelAsync();
        await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// Waits until the instances hold these many ready shards each, every shard on exactly one,
    /// and none holds more than the shards divided by the instances, rounded up.
    /// </summary>
    private static async Task WaitForShareAsync(ShardsHarness[] instances, int[] shares)
    {
        var total = shares.Sum();
        await Eventually.WaitUntilAsync(
            () => instances.Select(Ready).SequenceEqual(shares),
            $"the shards to be held {string.Join(" + ", shares)}",
            TimeSpan.FromSeconds(30));

        var held = instances.SelectMany(i => i.Shards.Held.Select(c => c.Shard.Id)).ToList();
        Assert.Equal(Enumerable.Range(0, total), held.Order());
        Assert.All(instances, i => Assert.InRange(i.Shards.Held.Count, 1, (total + instances.Length - 1) / instances.Length));
    }

    /// <summary>The shard each connection identified as, in the order they opened.</summary>
    private static async Task<List<int>> IdentifiedAsync(FakeDiscordGateway gateway)
    {
        var shards = new List<int>();
        for (var n = 1; n <= gateway.ConnectionCount; n++)
        {
            shards.Add((int)(await (await gateway.ConnectionAsync(n)).WaitForOpAsync(2))["d"]!["shard"]![0]!);
        }

        return shards;
    }

    private static int Ready(ShardsHarness instance) => instance.Shards.Held.Count(c => c.Status == GatewayStatus.Ready);

    /// <summary>With max_concurrency 1 every identify of either instance opens its connection a window after the one before, at the least.</summary>
    private static async Task AssertSpacedAsync(FakeDiscordGateway gateway)
    {
        var opened = new List<DateTimeOffset>();
        for (var n = 1; n <= gateway.ConnectionCount; n++)
        {
            opened.Add((await gateway.ConnectionAsync(n)).OpenedAt);
        }

        opened.Sort();

        // Less a margin for the loopback: the window is counted by the database's clock, before the socket opens.
        var margin = TimeSpan.FromMilliseconds(100);
        Assert.All(opened.Zip(opened.Skip(1)), pair => Assert.True(pair.Second - pair.First >= IdentifyWindow - margin, $"identifies {pair.Second - pair.First} apart"));
    }

    /// <summary>Leases over the real database until <see cref="CutOff"/>, then failing like a database out of reach.</summary>
    private sealed class CutOffLeases(IRoleLeases inner) : IRoleLeases
    {
        public volatile bool CutOff;

        public bool Shared => true;

        public ValueTask<RoleLease?> AcquireAsync(string role, string owner, TimeSpan duration, DateTimeOffset validUntil, CancellationToken cancellationToken) =>
            CutOff ? throw new TimeoutException("the database is out of reach") : inner.AcquireAsync(role, owner, duration, validUntil, cancellationToken);

        public ValueTask<TimeSpan?> FreeInAsync(string role, CancellationToken cancellationToken) =>
            CutOff ? throw new TimeoutException("the database is out of reach") : inner.FreeInAsync(role, cancellationToken);

        public ValueTask ReleaseAsync(string role, string owner, CancellationToken cancellationToken) =>
            CutOff ? throw new TimeoutException("the database is out of reach") : inner.ReleaseAsync(role, owner, cancellationToken);

        public ValueTask ForgetAsync(string role, CancellationToken cancellationToken) =>
            CutOff ? throw new TimeoutException("the database is out of reach") : inner.ForgetAsync(role, cancellationToken);

        public ValueTask<IReadOnlyList<RoleHolder>> HoldersAsync(CancellationToken cancellationToken) =>
            CutOff ? throw new TimeoutException("the database is out of reach") : inner.HoldersAsync(cancellationToken);
    }
}
