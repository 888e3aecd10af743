namespace NewsBot.Hosting;

/// <summary>
/// Every few seconds, puts confirmed announcements into the outbox; every half minute, reports
/// the finished ones to their authors (counting an announcement's entries reads the outbox, so
/// it is not done more often than a report needs). Both steps are safe to repeat, so a restart
/// carries on where it stopped.
/// </summary>
internal sealed class AnnouncementService(
    AnnouncementFanOut fanOut,
    AnnouncementReporter reporter,
    TimeProvider time,
    ILogger<AnnouncementService> logger,
    RoleKeeper roles,
    RoleContext context) : PeriodicService(Tick, RoleNames.Announcements, "Handling announcements", time, logger, roles, context)
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(30);

    private DateTimeOffset _nextReport = DateTimeOffset.MinValue;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await fanOut.QueueConfirmedAsync(cancellationToken).ConfigureAwait(false);
        if (Time.GetUtcNow() >= _nextReport)
        {
            _nextReport = Time.GetUtcNow() + ReportEvery;
            await reporter.ReportFinishedAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
