using NewsBot.Core.Changes;
using NewsBot.Storage.Postgres;

namespace NewsBot.Storage;

internal static class StorageRegistration
{
    /// <summary>
    /// The database behind every store port, as <c>Storage:Provider</c> chooses: the LiteDB file
    /// in <c>NewsBot:DataDirectory</c> (the default) or the PostgreSQL database of
    /// <c>Storage:Postgres:ConnectionString</c>. The keys of the <c>Storage</c> section are bound
    /// and checked at start; backups are LiteDB's only.
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddValidatedOptions<StorageOptions, StorageOptionsValidator>(StorageOptions.SectionName);
        services.AddValidatedOptions<BackupOptions, BackupOptionsValidator>(BackupOptions.SectionName);

        if (StorageProviders.UsesPostgres(builder.Configuration))
        {
            AddPostgres(services);
        }
        else
        {
            AddLiteDb(services);
        }

        return builder;
    }

    private static void AddLiteDb(IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            // Reading the Storage keys checks them: a bad one stops start-up before the file is made.
            _ = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            _ = sp.GetRequiredService<IOptions<BackupOptions>>().Value;
            return NewsBotDatabase.Open(
                sp.GetRequiredService<IOptions<NewsBotOptions>>().Value.DataDirectory,
                sp.GetService<ILogger<NewsBotDatabase>>());
        });
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
        services.AddSingleton<IOutboxFigures, LiteDbOutboxFigures>();
        services.AddSingleton<ISourceFigures, LiteDbSourceFigures>();

        // The file's lock keeps other processes out, so this one holds every role for good.
        services.AddSingleton<IRoleLeases, SingleProcessRoleLeases>();
        services.AddSingleton<ISourceClaims, UnsharedSourceClaims>();
    }

    private static void AddPostgres(IServiceCollection services)
    {
        services.AddSingleton(sp => new PostgresDatabase(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.Postgres.ConnectionString,
            sp.GetService<ILogger<PostgresDatabase>>(),
            sp.GetRequiredService<RoleContext>()));

        // Before every other hosted service (the index loaders read the database); the change
        // feed's position is noted next, before they read.
        services.AddHostedService<PostgresSchemaService>();
        services.AddSingleton<PostgresChangeFeed>();
        services.AddSingleton<IChangeFeed>(sp => sp.GetRequiredService<PostgresChangeFeed>());
        services.AddSingleton<ChangeFollower>();
        services.AddHostedService<ChangeFeedService>();
        services.AddSingleton<IArticleStore, PostgresArticleStore>();
        services.AddSingleton<ISourceStore, PostgresSourceStore>();
        services.AddSingleton<IBookmarkStore, PostgresBookmarkStore>();
        services.AddSingleton<ISubscriptionStore, PostgresSubscriptionStore>();
        services.AddSingleton<IChatStore, PostgresChatStore>();
        services.AddSingleton<IUserStore, PostgresUserStore>();
        services.AddSingleton<IStateStore, PostgresStateStore>();
        services.AddSingleton<IOutboxStore, PostgresOutboxStore>();
        services.AddSingleton<IAnnouncementStore, PostgresAnnouncementStore>();
        services.AddSingleton<IDigestCursorStore, PostgresDigestCursorStore>();
        services.AddSingleton<IArticleHistory, PostgresArticleHistory>();
        services.AddSingleton<IDigestDeliveries, PostgresDigestDeliveries>();
        services.AddSingleton<IOutboxFigures, PostgresOutboxFigures>();
        services.AddSingleton<ISourceFigures, PostgresSourceFigures>();
        services.AddSingleton<IRoleLeases, PostgresRoleLeases>();
        services.AddSingleton<ISourceClaims, PostgresSourceClaims>();
    }
}
