using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Subscriptions;

namespace NewsBot.Hosting;

/// <summary>Fills the subscription matcher from the database before any article is read.</summary>
internal sealed class SubscriptionIndexLoader(ISubscriptionStore subscriptions, SubscriptionMatcher matcher, ILogger<SubscriptionIndexLoader> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        matcher.AddRange(subscriptions.All());
        logger.LogInformation("Indexed {Count} subscriptions", matcher.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
