namespace NewsBot.Hosting;

/// <summary>
/// A hosted loop that does one round of work at start and then once per interval. A round that
/// fails is logged and the next one comes as usual; shutting down ends the loop between rounds.
/// </summary>
internal abstract partial class PeriodicService(TimeSpan interval, TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    /// <summary>What a round does, for the log line when it fails, e.g. "Pruning old articles".</summary>
    protected abstract string Work { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, Time);
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRoundFailed(logger, ex, Work, interval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; every round is safe to repeat, so the next start carries on.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Work} failed; trying again in {Interval}")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, string work, TimeSpan interval);
}
