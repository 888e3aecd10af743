namespace NewsBot.Hosting;

/// <summary>
/// A hosted loop that does one round of work at start and then once per interval. A round that
/// fails is logged and the next one comes as usual; shutting down ends the loop between rounds.
/// Work that is a role (<see cref="Role"/>) runs only while this instance holds it: a round at
/// once when it takes the role, then once per interval, each under the role's fencing number;
/// when the role is lost the loop waits to take it again.
/// </summary>
internal abstract class PeriodicService(TimeSpan interval, TimeProvider time, ILogger logger, RoleKeeper? roles = null, RoleContext? context = null) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    /// <summary>The role the work belongs to, or null for work every instance does.</summary>
    protected virtual string? Role => null;

    /// <summary>What a round does, for the log line when it fails, e.g. "Pruning old articles".</summary>
    protected abstract string Work { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>Waits for the timer's next tick; false once <paramref name="cancellationToken"/> is cancelled.</summary>
    public static async Task<bool> TickAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (Role is not { } role || roles is null || context is null)
            {
                await RunRoundsAsync(null, stoppingToken).ConfigureAwait(false);
                return;
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                var hold = await roles.HoldAsync(role, stoppingToken).ConfigureAwait(false);
                using var tenure = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, hold.Lost);
                using var scope = context.Enter(hold.Lease);
                await RunRoundsAsync(hold, tenure.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; every round is safe to repeat, so the next start carries on.
        }
    }

    private async Task RunRoundsAsync(RoleHold? hold, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, Time);
        do
        {
            try
            {
                await RunOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RoleLostException) when (hold is not null)
            {
                roles!.Refused(hold.Lease);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogRoundFailed(ex, Work, interval);
            }
        }
        while (await TickAsync(timer, cancellationToken).ConfigureAwait(false));
    }
}
