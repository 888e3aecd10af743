namespace NewsBot.Hosting;

/// <summary>
/// Makes the daily digests that are due, at start (so one missed while the bot was down still
/// goes out the same local day) and then every half minute.
/// </summary>
internal sealed class DigestService(DigestScheduler scheduler, TimeProvider time, ILogger<DigestService> logger, RoleKeeper roles, RoleContext context)
    : PeriodicService(Tick, RoleNames.Digests, "Making the daily digests", time, logger, roles, context)
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(30);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await scheduler.RunDueAsync(cancellationToken).ConfigureAwait(false);
    }
}
