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
        services.AddSingleton<RoleKeeper>();
        services.AddSingleton<ArticleIndex>();
        services.AddSingleton<TopicClassifier>();
        services.AddSingleton<ArticleIngestor>();
        services.AddSingleton<ArticlePruner>();
        services.AddSingleton<ChatLifecycle>();
        services.AddSingleton<ChatDirectory>();
        services.AddSingleton<LanguageChoice>();
        services.AddSingleton<SubscriptionMatcher>();
        services.AddSingleton<DigestSchedule>();
        services.AddSingleton<SubscriptionService>();
        services.AddSingleton<SubscriptionPreviews>();
        services.AddSingleton<DigestScheduler>();
        services.AddSingleton<DigestComposer>();
        services.AddSingleton<IOutboxComposer>(sp => sp.GetRequiredService<DigestComposer>());
        services.AddSingleton<AnnouncementAudience>();
        services.AddSingleton<AnnouncementFanOut>();
        services.AddSingleton<AnnouncementReporter>();
        services.AddSingleton<AnnouncementComposer>();
        services.AddSingleton<IOutboxComposer>(sp => sp.GetRequiredService<AnnouncementComposer>());
        services.AddSingleton<AdminNotifier>();
        services.AddSingleton<IAdminNotifier>(sp => sp.GetRequiredService<AdminNotifier>());
        services.AddSingleton<IPauseNotices, PauseNotices>();
        services.AddSingleton<IOutboxComposer, AdminNoticeComposer>();
        services.AddSingleton<DeliveryExplainer>();
        services.AddSingleton<AdminList>();
        services.AddSingleton<CommandRateLimiter>();
        services.AddSingleton<ChatTargets>();
        services.AddSingleton<CommandRouter>();

        services.TryAddSingleton<FullTexts>();
        services.TryAddSingleton(PollIntervalLimits.Standard);
        services.TryAddSingleton<FeedSettings>();
        services.AddSingleton<ICommandHandler, StartHandler>();
        services.AddSingleton<ICommandHandler, HelpHandler>();
        services.AddSingleton<ICommandHandler, LatestHandler>();
        services.AddSingleton<ICommandHandler, TopicsHandler>();
        services.AddSingleton<ICommandHandler, TopicHandler>();
        services.AddSingleton<ICommandHandler, SearchHandler>();
        services.AddSingleton<ICommandHandler, ReadHandler>();
        services.AddSingleton<ICommandHandler, SourcesHandler>();
        services.AddSingleton<ICommandHandler, LanguageHandler>();
        services.AddSingleton<ICommandHandler, BookmarkHandler>();
        services.AddSingleton<ICommandHandler, UnbookmarkHandler>();
        services.AddSingleton<ICommandHandler, BookmarksHandler>();
        services.AddSingleton<ICommandHandler, SubscribeHandler>();
        services.AddSingleton<ICommandHandler, UnsubscribeHandler>();
        services.AddSingleton<ICommandHandler, SubscriptionsHandler>();
        services.AddSingleton<ICommandHandler, TimeZoneHandler>();
        services.AddSingleton<ICommandHandler, QuietHandler>();
        services.AddSingleton<ICommandHandler, WhyHandler>();
        services.AddSingleton<ICommandHandler, FeedsHandler>();
        services.AddSingleton<ICommandHandler, AnnounceHandler>();
        services.AddSingleton<ICommandHandler, AnnouncementsHandler>();
        return builder;
    }
}
