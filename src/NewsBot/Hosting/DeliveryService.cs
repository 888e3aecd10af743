namespace NewsBot.Hosting;

/// <summary>
/// Delivers pushes. At start it plans the articles stored but not yet planned (the bot stopped
/// in between). Then, on each connected platform side by side, it sends what is due: round after
/// round while there is more, and every couple of seconds otherwise. Once an hour it deletes
/// finished entries older than a few days. On stop it starts no new send, lets the sends on
/// their way finish and be recorded until the host's shutdown time is up, and leaves the rest due.
/// Planning and each platform's dispatching are roles: among instances on one database, one
/// plans and one sends per platform; the others wait to take over. The planner catches up every
/// tick then, with what any instance stored.
/// </summary>
internal sealed class DeliveryService(
    IEnumerable<IChatSender> senders,
    DeliveryPlanner planner,
    DeliveryDispatcher dispatcher,
    IOutboxStore outbox,
    NewsBot.Core.Chats.ChatLifecycle chats,
    RoleKeeper roles,
    RoleContext context,
    TimeProvider time,
    ILogger<DeliveryService> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(2);

    /// <summary>Finished entries are kept this long: for /why, reports, and the queued-story memory.</summary>
    public static readonly TimeSpan KeepFinished = QueuedStories.Remembered + TimeSpan.FromDays(1);

    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    // Cancelled only when the host's shutdown time runs out: then sends still on their way are cut.
    private readonly CancellationTokenSource _abortSends = new();

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogActiveChats(chats.CountActive());
        if (await roles.TryHoldAsync(RoleNames.Planning, cancellationToken).ConfigureAwait(false) is not null)
        {
            await planner.RebuildAsync(cancellationToken).ConfigureAwait(false);
            var queued = await planner.CatchUpAsync(cancellationToken).ConfigureAwait(false);
            if (queued > 0)
            {
                logger.LogCaughtUp(queued);
            }
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var cut = cancellationToken.Register(_abortSends.Cancel);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _abortSends.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var platforms = senders.ToList();
        var pruning = PruneAsync(stoppingToken);

        // Alone on its database, the planner is handed every article as it is stored.
        var planning = roles.Shared ? PlanAsync(stoppingToken) : Task.CompletedTask;
        if (platforms.Count > 0)
        {
            // The terminal chat alone has nobody to push to.
            await Task.WhenAll(platforms.Select(sender => DeliverAsync(sender, stoppingToken))).ConfigureAwait(false);
        }

        await planning.ConfigureAwait(false);
        await pruning.ConfigureAwait(false);
    }

    /// <summary>While this instance holds the planning role: what any instance stored is planned every tick.</summary>
    private async Task PlanAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var hold = await roles.HoldAsync(RoleNames.Planning, stoppingToken).ConfigureAwait(false);
                using var tenure = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, hold.Lost);
                using var timer = new PeriodicTimer(Tick, time);
                do
                {
                    try
                    {
                        await planner.CatchUpAsync(tenure.Token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        logger.LogPlanningFailed(ex, Tick);
                    }
                }
                while (await PeriodicService.TickAsync(timer, tenure.Token).ConfigureAwait(false));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>
    /// Sends the platform's pushes for as long as this instance holds its dispatching role; when
    /// the role is lost no further send starts, and the instance waits to hold it again.
    /// </summary>
    private async Task DeliverAsync(IChatSender sender, CancellationToken stoppingToken)
    {
        var role = RoleNames.Dispatching(sender.Platform);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var hold = await roles.HoldAsync(role, stoppingToken).ConfigureAwait(false);
                using var tenure = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, hold.Lost);
                using var timer = new PeriodicTimer(Tick, time);
                do
                {
                    // A full round means more is due already: go on at once rather than idle until the tick.
                    while (await DispatchAsync(sender, hold, tenure.Token).ConfigureAwait(false))
                    {
                    }
                }
                while (await PeriodicService.TickAsync(timer, tenure.Token).ConfigureAwait(false));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; what was not sent stays in the outbox for the next start.
        }
    }

    private async Task<bool> DispatchAsync(IChatSender sender, RoleHold hold, CancellationToken cancellationToken)
    {
        try
        {
            using var scope = context.Enter(hold.Lease);
            var round = await dispatcher.DispatchRoundAsync(sender, cancellationToken, _abortSends.Token, hold).ConfigureAwait(false);
            return round.Full;
        }
        catch (RoleLostException)
        {
            // What was sent but could not be recorded is sent again by the new owner: at most the sends that were on their way.
            roles.Refused(hold.Lease);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDeliveryFailed(ex, sender.Platform, Tick);
            return false;
        }
    }

    private async Task PruneAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PruneEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    var deleted = await outbox.DeleteFinishedBeforeAsync(time.GetUtcNow() - KeepFinished, stoppingToken).ConfigureAwait(false);
                    logger.LogOutboxPruned(deleted);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogOutboxPruneFailed(ex, PruneEvery);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
