using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NewsBot.Core.Announcements;
using NewsBot.Core.Commands;
using NewsBot.Core.Commands.Handlers;
using NewsBot.Core.Commands.Why;
using NewsBot.Core.Digests;
using NewsBot.Core.Telemetry;

namespace NewsBot.Core;

public static class CoreRegistration
{
    /// <summary>
    /// The <c>NewsBot</c> section (bound and checked at start) and the command core: index,
    /// ingest, chats, subscriptions, digests, announcements, handlers and router, and the roles
    /// (the <c>Scaling</c> section, this instance's id and the keeper of its leases). Stores come
    /// from the storage adapter, pushes from <see cref="DeliveryRegistration.AddDelivery"/>.
    /// </summary>
    public static IHostApplicationBuilder AddNewsBotCore(this IHostApplicationBuilder builder)
    {
        var services = builder.AddArea<NewsBotOptions, NewsBotOptionsValidator>(NewsBotOptions.SectionName);
        services.AddMetrics();
        services.AddSingleton<NewsBotMetrics>();
        services.AddValidatedOptions<ScalingOptions, ScalingOptionsValidator>(ScalingOptions.SectionName);
        services.TryAddSingleton<InstanceIdentity>();
        services.AddSingleton<RoleContext>();
        services.TryAddSingleton<IRoleLeases, SingleProcessRoleLeases>();
        services.AddSingletons(typeof(RoleKeeper), typeof(ArticleIndex), typeof(TopicClassifier),
            typeof(ArticleIngestor), typeof(ArticlePruner), typeof(ChatLifecycle), typeof(ChatDirectory),
            typeof(LanguageChoice), typeof(SubscriptionMatcher), typeof(DigestSchedule), typeof(SubscriptionService),
            typeof(SubscriptionPreviews), typeof(DigestScheduler));
        services.AddSingletonAs<IOutboxComposer, DigestComposer>();
        services.AddSingletons(typeof(AnnouncementAudience), typeof(AnnouncementFanOut), typeof(AnnouncementReporter));
        services.AddSingletonAs<IOutboxComposer, AnnouncementComposer>();
        services.AddSingletonAs<IAdminNotifier, AdminNotifier>();
        services.AddSingleton<IPauseNotices, PauseNotices>();
        services.AddSingleton<IOutboxComposer, AdminNoticeComposer>();
        services.AddSingletons(typeof(DeliveryExplainer), typeof(AdminList), typeof(CommandRateLimiter),
            typeof(ChatTargets), typeof(CommandRouter));

        services.TryAddSingleton<FullTexts>();
        services.TryAddSingleton(PollIntervalLimits.Standard);
        services.TryAddSingleton<FeedSettings>();
        services.AddSingletonsAs<ICommandHandler>(typeof(StartHandler), typeof(HelpHandler), typeof(LatestHandler),
            typeof(TopicsHandler), typeof(TopicHandler), typeof(SearchHandler), typeof(ReadHandler),
            typeof(SourcesHandler), typeof(LanguageHandler), typeof(BookmarkHandler), typeof(UnbookmarkHandler),
            typeof(BookmarksHandler), typeof(SubscribeHandler), typeof(UnsubscribeHandler),
            typeof(SubscriptionsHandler), typeof(TimeZoneHandler), typeof(QuietHandler), typeof(WhyHandler),
            typeof(FeedsHandler), typeof(AnnounceHandler), typeof(AnnouncementsHandler));
        return builder;
    }
}
