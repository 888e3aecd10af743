using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Digests;

namespace NewsBot.Hosting;

/// <summary>
/// Makes the daily digests that are due, at start (so one missed while the bot was down still
/// goes out the same local day) and then every half minute.
/// </summary>
internal sealed class DigestService(DigestScheduler scheduler, TimeProvider time, ILogger<DigestService> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            do
            {
                try
                {
                    scheduler.RunDue();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Making the daily digests failed; trying again in {Tick}", Tick);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; a digest not made yet is made at the next start, the same local day.
        }
    }
}
