using Microsoft.Extensions.Logging.Abstractions;
using NewsBot.Storage.Postgres;

namespace NewsBot.Tests.Roles;

/// <summary>Role leases in PostgreSQL: one owner at a time, a fencing number that grows at every change of owner, and writes fenced by it.</summary>
public sealed class PostgresRoleLeaseTests : PostgresTest
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);
    private static readonly DateTimeOffset Forever = DateTimeOffset.MaxValue.AddDays(-1);

    private PostgresRoleLeases Leases => field ??= new PostgresRoleLeases(Database);

    [Fact]
    public async Task Acquire_WhileAnotherHoldsTheRole_IsRefused_AndARenewalKeepsTheFencingNumber()
    {
        var first = await Leases.AcquireAsync(RoleNames.Planning, "a", Long, Forever, CancellationToken.None);
        var other = await Leases.AcquireAsync(RoleNames.Planning, "b", Long, Forever, CancellationToken.None);
        var renewed = await Leases.AcquireAsync(RoleNames.Planning, "a", Long, Forever, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(other);
        Assert.Equal(first.Fence, renewed!.Fence);
        var holder = Assert.Single(await Leases.HoldersAsync(CancellationToken.None));
        Assert.Equal(("planning", "a", false), (holder.Role, holder.Owner, holder.Expired));
    }

    [Fact]
    public async Task Acquire_AfterTheLeaseRanOut_GoesToTheNextOwner_WithAHigherFencingNumber()
    {
        var first = await Leases.AcquireAsync(RoleNames.Digests, "a", TimeSpan.FromMilliseconds(1), Forever, CancellationToken.None);
        await Server.ExecuteAsync("SELECT pg_sleep(0.05)");

        var second = await Leases.AcquireAsync(RoleNames.Digests, "b", Long, Forever, CancellationToken.None);
        var back = await Leases.AcquireAsync(RoleNames.Digests, "a", Long, Forever, CancellationToken.None);

        Assert.Equal(first!.Fence + 1, second!.Fence);
        Assert.Null(back);
    }

    [Fact]
    public async Task Release_LetsAnotherInstanceTakeTheRoleAtOnce()
    {
        var first = await Leases.AcquireAsync(RoleNames.Retention, "a", Long, Forever, CancellationToken.None);
        await Leases.ReleaseAsync(RoleNames.Retention, "a", CancellationToken.None);

        var second = await Leases.AcquireAsync(RoleNames.Retention, "b", Long, Forever, CancellationToken.None);

        Assert.Equal(first!.Fence + 1, second!.Fence);
    }

    [Fact]
    public async Task FreeIn_SaysHowLongTheHoldersLeaseHasLeft_AndNothingOnceItRanOut()
    {
        Assert.Null(await Leases.FreeInAsync(RoleNames.Announcements, CancellationToken.None));
        await Leases.AcquireAsync(RoleNames.Announcements, "a", Long, Forever, CancellationToken.None);
        var left = await Leases.FreeInAsync(RoleNames.Announcements, CancellationToken.None);
        await Leases.ReleaseAsync(RoleNames.Announcements, "a", CancellationToken.None);

        Assert.InRange(left!.Value, Long - TimeSpan.FromMinutes(1), Long);
        Assert.Null(await Leases.FreeInAsync(RoleNames.Announcements, CancellationToken.None));
    }

    [Fact]
    public async Task Forget_RemovesARoleOnlyOnceItsLeaseRanOut()
    {
        var gone = RoleNames.DiscordInstance("gone");
        var running = RoleNames.DiscordInstance("running");
        await Leases.AcquireAsync(gone, "gone", Long, Forever, CancellationToken.None);
        await Leases.AcquireAsync(running, "running", Long, Forever, CancellationToken.None);
        await Leases.ReleaseAsync(gone, "gone", CancellationToken.None);

        await Leases.ForgetAsync(gone, CancellationToken.None);
        await Leases.ForgetAsync(running, CancellationToken.None);

        Assert.Equal([running], (await Leases.HoldersAsync(CancellationToken.None)).Select(h => h.Role));
    }

    [Fact]
    public async Task AWriteForARole_ByAnOwnerThatLostIt_IsRefused_AndChangesNothing()
    {
        var outbox = new PostgresOutboxStore(Database);
        var now = DateTimeOffset.UtcNow;
        await outbox.EnqueueAsync([OutboxEntry.ForStories("telegram:1", "k1", [1], [1], now, now)], CancellationToken.None);
        var id = (await outbox.DueAsync("telegram", now.AddMinutes(1), 10, CancellationToken.None))[0].Id;
        var role = RoleNames.Dispatching("telegram");
        var old = await Leases.AcquireAsync(role, "a", TimeSpan.FromMilliseconds(1), Forever, CancellationToken.None);
        await Server.ExecuteAsync("SELECT pg_sleep(0.05)");
        var current = await Leases.AcquireAsync(role, "b", Long, Forever, CancellationToken.None);

        using (Roles.Enter(old!))
        {
            var refused = await Assert.ThrowsAsync<RoleLostException>(async () => await outbox.MarkSentAsync([id], now, CancellationToken.None));
            Assert.Contains("dispatching:telegram", refused.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<RoleLostException>(async () => await outbox.EnqueuePlannedAsync([OutboxEntry.ForStories("telegram:2", "k2", [2], [2], now, now)], 2, CancellationToken.None));
        }

        Assert.Equal(1, await outbox.CountPendingAsync(CancellationToken.None));
        using (Roles.Enter(current!))
        {
            await outbox.MarkSentAsync([id], now, CancellationToken.None);
        }

        Assert.Equal(0, await outbox.CountPendingAsync(CancellationToken.None));
        Assert.Empty(await Server.QueryAsync<string>("SELECT dedup_key FROM outbox WHERE dedup_key = 'k2'"));
    }

    [Fact]
    public async Task ATakeOver_WaitsForAFencedWriteInProgress_AndRefusesTheOldOwnersNextWrite()
    {
        var role = RoleNames.Announcements;
        var old = await Leases.AcquireAsync(role, "a", TimeSpan.FromMilliseconds(1), Forever, CancellationToken.None);
        await Server.ExecuteAsync("SELECT pg_sleep(0.05)");
        var state = new PostgresStateStore(Database);
        Task<RoleLease?>? takeOver = null;
        using (Roles.Enter(old!))
        {
            // The lease has run out, but nobody has taken the role yet: the write goes ahead, and a
            // take-over that comes meanwhile waits for it to commit.
            await Database.InTransactionAsync(
                async (connection, ct) =>
                {
                    takeOver = Task.Run(async () => await Leases.AcquireAsync(role, "b", Long, Forever, CancellationToken.None));
                    await Eventually.WaitUntilAsync(async () => (await Server.QueryAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"))[0] > 0, "the take-over to wait for the lease row");
                    Assert.False(takeOver.IsCompleted, "the take-over did not wait for the write under the old lease");
                    await connection.ExecuteAsync("INSERT INTO state (name, value) VALUES ('x', 'old owner')", ct);
                    return 0;
                },
                CancellationToken.None);
            var taken = await takeOver!;
            Assert.Equal(old!.Fence + 1, taken!.Fence);
            await Assert.ThrowsAsync<RoleLostException>(async () => await state.SetAsync("x", "late", CancellationToken.None));
        }

        Assert.Equal("old owner", await state.GetAsync("x", CancellationToken.None));
    }
}
