namespace NewsBot.Hosting;

/// <summary>
/// A hosted loop for work that is a role (<paramref name="role"/>): it runs only while this
/// instance holds the role, a round at once when it takes the role and then once per interval,
/// each under the role's fencing number; when the role is lost the loop waits to take it again.
/// A round that fails is logged and the next one comes as usual; shutting down ends the loop
/// between rounds.
/// </summary>
/// <param name="work">What a round does, for the log line when it fails, e.g. "Pruning old articles".</param>
internal abstract class PeriodicService(
    TimeSpan interval,
    string role,
    string work,
    TimeProvider time,
    ILogger logger,
    RoleKeeper roles,
    RoleContext context) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

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

    private async Task RunRoundsAsync(RoleHold hold, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, Time);
        do
        {
            try
            {
                await RunOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RoleLostException)
            {
                roles.Refused(hold.Lease);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogRoundFailed(ex, work, interval);
            }
        }
        while (await TickAsync(timer, cancellationToken).ConfigureAwait(false));
    }
}
