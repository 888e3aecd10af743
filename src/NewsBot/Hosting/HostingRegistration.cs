using Microsoft.Extensions.Logging.Console;
using NewsBot.Platforms.Terminal;

namespace NewsBot.Hosting;

/// <summary>The process around the core: logging, shutdown, the background services and the terminal chat.</summary>
internal static class HostingRegistration
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>
    /// Console logging in the format <c>Logging:Console:FormatterName</c> names, always on
    /// standard error; in the terminal chat only warnings and worse, so they do not drown the
    /// conversation.
    /// </summary>
    public static IHostApplicationBuilder AddNewsBotLogging(this IHostApplicationBuilder builder, HostMode mode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        ConsoleLogFormat.AddConsole(builder.Logging, builder.Configuration);
        builder.Services.Configure<ConsoleLoggerOptions>(o =>
        {
            // Standard output belongs to the chat transcript and to the verbs' results.
            o.LogToStandardErrorThreshold = LogLevel.Trace;
        });
        if (mode == HostMode.TerminalChat)
        {
            builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        }

        // The host logs a failed start with its stack trace ("Hosting failed to start"); the
        // command line already says what went wrong in words, naming the setting or file. A
        // background service that crashes is still logged: at Critical, with its exception.
        builder.Logging.AddFilter(HostCategory, LogLevel.Critical);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(HostCategory, LogLevel.Critical);
        return builder;
    }

    /// <summary>
    /// The shutdown timeout, the announcement channels, the background
    /// services in the order they must start, and the terminal chat. Backups on a schedule run
    /// in the service only, the terminal chat being a session at a desk, and on LiteDB only: a
    /// PostgreSQL database is backed up with PostgreSQL's own tools.
    /// </summary>
    public static IHostApplicationBuilder AddHosting(this IHostApplicationBuilder builder, HostMode mode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.Configure<HostOptions>(o => o.ShutdownTimeout = NewsBotHost.ShutdownTimeout);
        services.AddSingleton<IAnnouncementChannels, ConfiguredAnnouncementChannels>();

        // Order matters: the index is filled before sources are read, and both before any chat.
        // The roles are let go last, after every service that works under one has stopped.
        services.AddHostedService<RoleService>();
        services.AddHostedService<ArticleIndexLoader>();
        services.AddHostedService<SubscriptionIndexLoader>();
        services.AddHostedService<ChatCacheLoader>();
        services.AddHostedService<FeedPollingService>();
        services.AddHostedService<RetentionService>();
        services.AddHostedService<DeliveryService>();
        services.AddHostedService<DigestService>();
        services.AddHostedService<AnnouncementService>();
        services.AddSingleton<TerminalChat>();
        if (mode == HostMode.Service && !StorageProviders.UsesPostgres(builder.Configuration))
        {
            services.AddHostedSingleton<BackupService>();
        }

        return builder;
    }
}
