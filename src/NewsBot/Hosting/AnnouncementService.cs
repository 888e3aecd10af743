using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Announcements;

namespace NewsBot.Hosting;

/// <summary>
/// Every few seconds, puts confirmed announcements into the outbox and reports the finished
/// ones to their authors. Both steps are safe to repeat, so a restart carries on where it stopped.
/// </summary>
internal sealed class AnnouncementService(
    AnnouncementFanOut queue,
    AnnouncementReporter reporter,
    TimeProvider time,
    ILogger<AnnouncementService> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            do
            {
                try
                {
                    queue.QueueConfirmed();
                    await reporter.ReportFinishedAsync(stoppingToken).ConfigureAwait(false);
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
