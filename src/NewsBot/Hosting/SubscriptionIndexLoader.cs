namespace NewsBot.Hosting;

/// <summary>Fills the subscription matcher and the digest schedule from the database before any article is read.</summary>
internal sealed class SubscriptionIndexLoader(SubscriptionService subscriptions, SubscriptionMatcher matcher, ILogger<SubscriptionIndexLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await subscriptions.RebuildAsync(cancellationToken).ConfigureAwait(false);
        logger.LogSubscriptionsIndexed(matcher.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
