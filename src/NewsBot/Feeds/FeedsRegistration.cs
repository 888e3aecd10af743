using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsBot.Feeds;

/// <summary>Adds feed reading (options, HTTP client, fetcher, parser, the check command) to the host.</summary>
public static class FeedsRegistration
{
    public static IHostApplicationBuilder AddFeeds(this IHostApplicationBuilder builder)
    {
        var services = builder.AddArea<FeedsOptions, FeedsOptionsValidator>(FeedsOptions.SectionName);

        // No resilience handler: Feeds:RequestTimeout bounds the whole fetch, and the poller's
        // back-off is the retry policy. The fetcher applies its own timeout, hence no client timeout.
        services.AddHttpClient(FeedFetcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => GuardedConnector.CreateHandler(
                provider.GetRequiredService<IOptionsMonitor<FeedsOptions>>(),
                provider.GetRequiredService<AddressGuard>()));

        services.TryAddSingleton<AddressGuard>();
        services.TryAddSingleton<FeedParser>();
        services.TryAddSingleton<FeedFetcher>();
        services.TryAddSingleton<FeedCheck>();
        services.TryAddSingleton<SourcePoller>();
        services.TryAddSingleton<NewsBot.Core.Articles.IFeedProbe, FeedProbe>();
        services.AddSingletonAs<IPageTextReader, PageTextReader>();
        services.TryAddSingleton<FeedBodies>();

        // Chat may give one source its own interval, within the bounds configuration has.
        services.Replace(ServiceDescriptor.Singleton(provider =>
        {
            var feeds = provider.GetRequiredService<IOptions<FeedsOptions>>().Value;
            return new PollIntervalLimits(FeedsOptionsValidator.MinPollInterval, feeds.MaxPollInterval, feeds.PollInterval);
        }));
        return builder;
    }
}
