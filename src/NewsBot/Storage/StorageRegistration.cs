using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core;
using NewsBot.Core.Announcements;
using NewsBot.Core.Articles;
using NewsBot.Core.Bookmarks;
using NewsBot.Core.Chats;
using NewsBot.Core.Delivery;
using NewsBot.Core.Digests;
using NewsBot.Core.State;
using NewsBot.Core.Subscriptions;

namespace NewsBot.Storage;

internal static class StorageRegistration
{
    /// <summary>
    /// The LiteDB file in <c>NewsBot:DataDirectory</c> behind every store port, and the backup
    /// keys of the <c>Storage</c> section (bound and checked at start).
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BackupOptions>, BackupOptionsValidator>());

        services.AddSingleton(sp => NewsBotDatabase.Open(
            sp.GetRequiredService<IOptions<NewsBotOptions>>().Value.DataDirectory,
            sp.GetService<ILogger<NewsBotDatabase>>()));
        services.AddSingleton<LiteDbArticleStore>();
        services.AddSingleton<IArticleStore>(sp => sp.GetRequiredService<LiteDbArticleStore>());
        services.AddSingleton<ISourceStore, LiteDbSourceStore>();
        services.AddSingleton<IBookmarkStore, LiteDbBookmarkStore>();
        services.AddSingleton<ISubscriptionStore, LiteDbSubscriptionStore>();
        services.AddSingleton<IChatStore, LiteDbChatStore>();
        services.AddSingleton<IUserStore, LiteDbUserStore>();
        services.AddSingleton<IStateStore, LiteDbStateStore>();
        services.AddSingleton<IOutboxStore, LiteDbOutboxStore>();
        services.AddSingleton<IAnnouncementStore, LiteDbAnnouncementStore>();
        services.AddSingleton<IDigestCursorStore, LiteDbDigestCursorStore>();
        services.AddSingleton<IArticleHistory, LiteDbArticleHistory>();
        services.AddSingleton<IDigestDeliveries, LiteDbDigestDeliveries>();
        return builder;
    }
}
