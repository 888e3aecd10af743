using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Announcements;

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
    ILogger<AnnouncementService> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        var nextReport = DateTimeOffset.MinValue;
        try
        {
            do
            {
                try
                {
                    fanOut.QueueConfirmed();
                    if (time.GetUtcNow() >= nextReport)
                    {
                        nextReport = time.GetUtcNow() + ReportEvery;
                        await reporter.ReportFinishedAsync(stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Handling announcements failed; trying again in {Tick}", Tick);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; confirmed announcements carry on at the next start.
        }
    }
}
