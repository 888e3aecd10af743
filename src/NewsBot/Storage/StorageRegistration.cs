using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsBot.Core;
using NewsBot.Core.Articles;
using NewsBot.Core.Bookmarks;
using NewsBot.Core.Chats;
using NewsBot.Core.State;
using NewsBot.Core.Subscriptions;

namespace NewsBot.Storage;

internal static class StorageRegistration
{
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp => NewsBotDatabase.Open(
            sp.GetRequiredService<IOptions<NewsBotOptions>>().Value.DataDirectory,
            sp.GetService<Microsoft.Extensions.Logging.ILogger<NewsBotDatabase>>()));
        services.AddSingleton<LiteDbArticleStore>();
        services.AddSingleton<IArticleStore>(sp => sp.GetRequiredService<LiteDbArticleStore>());
        services.AddSingleton<ISourceStore, LiteDbSourceStore>();
        services.AddSingleton<IBookmarkStore, LiteDbBookmarkStore>();
        services.AddSingleton<ISubscriptionStore, LiteDbSubscriptionStore>();
        services.AddSingleton<IChatStore, LiteDbChatStore>();
        services.AddSingleton<IUserStore, LiteDbUserStore>();
        services.AddSingleton<IStateStore, LiteDbStateStore>();
        services.AddSingleton<NewsBot.Core.Delivery.IOutboxStore, LiteDbOutboxStore>();
        services.AddSingleton<NewsBot.Core.Announcements.IAnnouncementStore, LiteDbAnnouncementStore>();
        services.AddSingleton<NewsBot.Core.Digests.IDigestCursorStore, LiteDbDigestCursorStore>();
        services.AddSingleton<NewsBot.Core.Digests.IArticleHistory, LiteDbArticleHistory>();
        services.AddSingleton<NewsBot.Core.Digests.IDigestDeliveries, LiteDbDigestDeliveries>();
        return services;
    }
}
