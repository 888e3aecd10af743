using Microsoft.Extensions.Logging.Abstractions;
using NewsBot.Storage.Postgres;

namespace NewsBot.Tests.Roles;

/// <summary>The keeper of an instance's roles: one instance holds a role, another takes it when it is let go or runs out.</summary>
public sealed class RoleKeeperTests : PostgresTest
{

    [Fact]
    public async Task OnOneProcessesDatabase_EveryRoleIsHeldAtOnce_ForGood()
    {
        await using var keeper = Keeper(new SingleProcessRoleLeases(), "solo", leaseSeconds: 2);

        var hold = await keeper.HoldAsync(RoleNames.Planning, CancellationToken.None);

        Assert.Same(hold, keeper.Held(RoleNames.Planning));
        Assert.True(hold.Lease.Permanent);
        Assert.False(hold.Lost.CanBeCanceled && hold.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task ASecondInstance_GetsTheRole_OnlyOnceTheFirstLetsItGo_WithAHigherFencingNumber()
    {
        await using var first = Keeper(new PostgresRoleLeases(Database), "first", leaseSeconds: 60);
        await using var second = Keeper(new PostgresRoleLeases(Database), "second", leaseSeconds: 60);
        var held = await first.HoldAsync(RoleNames.Planning, CancellationToken.None);

        Assert.Null(await second.TryHoldAsync(RoleNames.Planning, CancellationToken.None));
        await first.ReleaseAllAsync(CancellationToken.None);
        var taken = await second.TryHoldAsync(RoleNames.Planning, CancellationToken.None);

        Assert.True(held.Lost.IsCancellationRequested);
        Assert.NotNull(taken);
        Assert.Equal(held.Fence + 1, taken.Fence);
        Assert.Null(first.Held(RoleNames.Planning));
    }

    [Fact]
    public async Task AFencedOffWrite_EndsTheTenure()
    {
        await using var keeper = Keeper(new PostgresRoleLeases(Database), "first", leaseSeconds: 60);
        var hold = await keeper.HoldAsync(RoleNames.Digests, CancellationToken.None);

        keeper.Refused(hold.Lease);

        Assert.True(hold.Lost.IsCancellationRequested);
        Assert.False(hold.IsValid);
        Assert.Null(keeper.Held(RoleNames.Digests));
    }

    [Fact]
    public async Task ATenure_EndsWhenItsLeaseRunsOutOnTheInstancesClock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var keeper = Keeper(new PostgresRoleLeases(Database), "first", leaseSeconds: 30, clock);
        var hold = await keeper.HoldAsync(RoleNames.Retention, CancellationToken.None);
        Assert.True(hold.IsValid);

        // The process was paused past its lease: no renewal got through meanwhile.
        clock.Advance(TimeSpan.FromSeconds(25));

        Assert.False(hold.IsValid);
        Assert.True(hold.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task AWaitingInstance_AsksAgainWhenTheHoldersLeaseRunsOut_IfThatComesBeforeTheNextInterval()
    {
        await using var holder = Keeper(new PostgresRoleLeases(Database), "holder", leaseSeconds: 60);
        await using var waiting = Keeper(new PostgresRoleLeases(Database), "waiting", leaseSeconds: 60);
        await holder.HoldAsync(RoleNames.Announcements, CancellationToken.None);

        // Renewed a moment ago, the lease has a minute left: the next interval (20 s) comes first.
        Assert.Equal(waiting.RenewEvery, await waiting.AskAgainInAsync(RoleNames.Announcements, CancellationToken.None));

        // Its holder died 55 s ago: what the lease has left, not the interval.
        await Server.ExecuteAsync("UPDATE role_leases SET expires_at = clock_timestamp() + interval '5 seconds' WHERE role = 'announcements'");
        Assert.InRange(await waiting.AskAgainInAsync(RoleNames.Announcements, CancellationToken.None), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));

        // Let go meanwhile: at once, not an interval later.
        await holder.ReleaseAllAsync(CancellationToken.None);
        Assert.True(await waiting.AskAgainInAsync(RoleNames.Announcements, CancellationToken.None) < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task ReleasingOneRole_EndsItsTenure_AndLetsAnotherInstanceTakeItAtOnce_KeepingTheOthers()
    {
        await using var first = Keeper(new PostgresRoleLeases(Database), "first", leaseSeconds: 60);
        await using var second = Keeper(new PostgresRoleLeases(Database), "second", leaseSeconds: 60);
        var shard = await first.HoldAsync(RoleNames.DiscordShard(1, 2), CancellationToken.None);
        var planning = await first.HoldAsync(RoleNames.Planning, CancellationToken.None);

        await first.ReleaseAsync(RoleNames.DiscordShard(1, 2), CancellationToken.None);

        Assert.True(shard.Lost.IsCancellationRequested);
        Assert.True(planning.IsValid);
        Assert.NotNull(await second.TryHoldAsync(RoleNames.DiscordShard(1, 2), CancellationToken.None));
        Assert.Null(await second.TryHoldAsync(RoleNames.Planning, CancellationToken.None));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(601)]
    public void LeaseSeconds_OutOfRange_IsRefused_NamingTheSetting(int seconds)
    {
        var result = new ScalingOptionsValidator().Validate(null, new ScalingOptions { LeaseSeconds = seconds });

        Assert.True(result.Failed);
        Assert.Contains("Scaling:LeaseSeconds", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(24 * 90 + 1)]
    public void ChangeRetentionHours_OutOfRange_IsRefused_NamingTheSetting(int hours)
    {
        var result = new ScalingOptionsValidator().Validate(null, new ScalingOptions { ChangeRetentionHours = hours });

        Assert.True(result.Failed);
        Assert.Contains("Scaling:ChangeRetentionHours", result.FailureMessage, StringComparison.Ordinal);
    }

    private static RoleKeeper Keeper(IRoleLeases leases, string id, int leaseSeconds, TimeProvider? time = null) =>
        new(leases, new InstanceIdentity(id), Options.Create(new ScalingOptions { LeaseSeconds = leaseSeconds }), time ?? TimeProvider.System, NullLogger<RoleKeeper>.Instance);
}
