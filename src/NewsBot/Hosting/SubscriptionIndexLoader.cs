namespace NewsBot.Hosting;

/// <summary>Fills the subscription matcher and the digest schedule from the database before any article is read.</summary>
internal sealed partial class SubscriptionIndexLoader(SubscriptionService subscriptions, SubscriptionMatcher matcher, ILogger<SubscriptionIndexLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await subscriptions.RebuildAsync(cancellationToken).ConfigureAwait(false);
        LogIndexed(logger, matcher.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Count} subscriptions")]
    private static partial void LogIndexed(ILogger logger, int count);
}
