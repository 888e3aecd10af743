using NewsBot.Core.Changes;
using NewsBot.Storage.Postgres;

namespace NewsBot.Storage;

internal static class StorageRegistration
{
    /// <summary>Each store port with its LiteDB and its PostgreSQL implementation.</summary>
    private static readonly (Type Port, Type LiteDb, Type Postgres)[] Stores =
    [
        (typeof(IArticleStore), typeof(LiteDbArticleStore), typeof(PostgresArticleStore)),
        (typeof(ISourceStore), typeof(LiteDbSourceStore), typeof(PostgresSourceStore)),
        (typeof(IArticleTextStore), typeof(LiteDbArticleTextStore), typeof(PostgresArticleTextStore)),
        (typeof(IBookmarkStore), typeof(LiteDbBookmarkStore), typeof(PostgresBookmarkStore)),
        (typeof(ISubscriptionStore), typeof(LiteDbSubscriptionStore), typeof(PostgresSubscriptionStore)),
        (typeof(IChatStore), typeof(LiteDbChatStore), typeof(PostgresChatStore)),
        (typeof(IUserStore), typeof(LiteDbUserStore), typeof(PostgresUserStore)),
        (typeof(IStateStore), typeof(LiteDbStateStore), typeof(PostgresStateStore)),
        (typeof(IOutboxStore), typeof(LiteDbOutboxStore), typeof(PostgresOutboxStore)),
        (typeof(IAnnouncementStore), typeof(LiteDbAnnouncementStore), typeof(PostgresAnnouncementStore)),
        (typeof(IDigestCursorStore), typeof(LiteDbDigestCursorStore), typeof(PostgresDigestCursorStore)),
        (typeof(IArticleHistory), typeof(LiteDbArticleHistory), typeof(PostgresArticleHistory)),
        (typeof(IDigestDeliveries), typeof(LiteDbDigestDeliveries), typeof(PostgresDigestDeliveries)),
        (typeof(IOutboxFigures), typeof(LiteDbOutboxFigures), typeof(PostgresOutboxFigures)),
        (typeof(ISourceFigures), typeof(LiteDbSourceFigures), typeof(PostgresSourceFigures)),
    ];

    /// <summary>
    /// The database behind every store port, as <c>Storage:Provider</c> chooses: the LiteDB file
    /// in <c>NewsBot:DataDirectory</c> (the default) or the PostgreSQL database of
    /// <c>Storage:Postgres:ConnectionString</c>. The keys of the <c>Storage</c> section are bound
    /// and checked at start; backups are LiteDB's only.
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        var services = builder.AddArea<StorageOptions, StorageOptionsValidator>(StorageOptions.SectionName);
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

        // Each store also under its own type, so a wrapper (a benchmark's timing) can reach the one it wraps.
        foreach (var (port, liteDb, _) in Stores)
        {
            services.AddSingleton(liteDb);
            services.AddSingleton(port, sp => sp.GetRequiredService(liteDb));
        }

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
        services.AddSingletonAs<IChangeFeed, PostgresChangeFeed>();
        services.AddSingleton<ChangeFollower>();
        services.AddSingleton<ChangePruner>();
        services.AddHostedSingleton<ChangeFeedService>();
        foreach (var (port, _, postgres) in Stores)
        {
            services.AddSingleton(port, postgres);
        }

        services.AddSingleton<IRoleLeases, PostgresRoleLeases>();
        services.AddSingleton<ISourceClaims, PostgresSourceClaims>();
    }
}
