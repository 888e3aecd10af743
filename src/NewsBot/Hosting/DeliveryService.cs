using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Delivery;

namespace NewsBot.Hosting;

/// <summary>Every couple of seconds, sends what is due on each connected platform, the platforms side by side.</summary>
internal sealed class DeliveryService(
    IEnumerable<IChatSender> senders,
    DeliveryDispatcher dispatcher,
    TimeProvider time,
    ILogger<DeliveryService> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var platforms = senders.ToList();
        if (platforms.Count == 0)
        {
            return; // the terminal chat alone has nobody to push to
        }

        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            do
            {
                await Task.WhenAll(platforms.Select(sender => DispatchAsync(sender, stoppingToken))).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; what was not sent stays in the outbox for the next start.
        }
    }

    private async Task DispatchAsync(IChatSender sender, CancellationToken cancellationToken)
    {
        try
        {
            await dispatcher.DispatchDueAsync(sender, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Delivering to {Platform} failed; trying again in {Tick}", sender.Platform, Tick);
        }
    }
}
