using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using NewsBot.Core;
using NewsBot.Feeds;
using NewsBot.Monitoring;
using NewsBot.Platforms.Discord;
using NewsBot.Platforms.Telegram;
using NewsBot.Platforms.Terminal;
using NewsBot.Storage;

namespace NewsBot.Hosting;

/// <summary>The composition root: configuration, logging, options and every service.</summary>
internal static class NewsBotHost
{
    /// <summary>DOTNET_ENVIRONMENT, Production when unset; <c>dotnet run</c> sets Development (launchSettings.json).</summary>
    public static string EnvironmentName =>
        Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } name ? name : Environments.Production;

    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>
    /// How long stopping may take: sends already on their way finish, the rest stays queued.
    /// deploy/newsbot.service gives systemd's TimeoutStopSec more than this.
    /// </summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Credentials a service manager hands over as files (systemd's LoadCredential and
    /// LoadCredentialEncrypted, in $CREDENTIALS_DIRECTORY): the file name is the setting, with
    /// __ for :, such as Telegram__Token. They win over environment variables.
    /// </summary>
    public static IConfigurationBuilder AddServiceCredentials(this IConfigurationBuilder configuration)
    {
        var directory = Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY");
        return string.IsNullOrWhiteSpace(directory) ? configuration : configuration.AddKeyPerFile(directory, optional: true);
    }

    /// <summary>
    /// Configuration, lowest precedence first: the root appsettings.json (copied beside the
    /// executable, so the same file is read from a clone or a publish folder),
    /// appsettings.{Environment}.json, user secrets (in Development only, as the .NET host does:
    /// a secret left on a developer's machine must not reach a production service),
    /// environment variables such as Telegram__Token, then a service manager's credential files.
    /// </summary>
    public static IConfigurationBuilder AddNewsBotConfiguration(this IConfigurationBuilder configuration, string environment)
    {
        configuration
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: false, reloadOnChange: false)
            .AddJsonFile($"appsettings.{environment}.json", optional: true, reloadOnChange: false);
        if (string.Equals(environment, Environments.Development, StringComparison.OrdinalIgnoreCase))
        {
            configuration.AddUserSecrets(typeof(NewsBotHost).Assembly, optional: true, reloadOnChange: false);
        }

        return configuration.AddEnvironmentVariables().AddServiceCredentials();
    }

    public static HostApplicationBuilder CreateBuilder(HostMode mode, Action<IConfigurationBuilder>? configure = null)
    {
        var environment = EnvironmentName;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = environment,
            ApplicationName = "NewsBot",
        });

        builder.Configuration.AddNewsBotConfiguration(environment);
        configure?.Invoke(builder.Configuration);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);

        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        ConsoleLogFormat.AddConsole(builder.Logging, builder.Configuration);
        builder.Services.Configure<ConsoleLoggerOptions>(o =>
        {
            // Standard output belongs to the chat transcript; logs always go to standard error.
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

        builder.Services.AddOptions<NewsBotOptions>().BindConfiguration(NewsBotOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<NewsBotOptions>, NewsBotOptionsValidator>();
        builder.Services.AddOptions<NewsBot.Core.Delivery.DeliveryOptions>().BindConfiguration(NewsBot.Core.Delivery.DeliveryOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<NewsBot.Core.Delivery.DeliveryOptions>, DeliveryOptionsValidator>();

        builder.Services.AddNewsBotCore();
        builder.Services.AddSingleton<NewsBot.Core.Announcements.IAnnouncementChannels, ConfiguredAnnouncementChannels>();
        builder.Services.AddLiteDbStorage();
        builder.Services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BackupOptions>, BackupOptionsValidator>();
        builder.AddFeeds();

        // Order matters: the index is filled before sources are read, and both before any chat.
        builder.Services.AddHostedService<ArticleIndexLoader>();
        builder.Services.AddHostedService<SubscriptionIndexLoader>();
        builder.Services.AddHostedService<ChatCacheLoader>();
        builder.Services.AddHostedService<FeedPollingService>();
        builder.Services.AddHostedService<RetentionService>();
        builder.Services.AddHostedService<DeliveryService>();
        builder.Services.AddHostedService<DigestService>();
        builder.Services.AddHostedService<AnnouncementService>();
        builder.Services.AddSingleton<TerminalChat>();
        if (mode == HostMode.Service)
        {
            // The terminal chat is a session at a desk; scheduled backups belong to the service.
            builder.Services.AddSingleton<BackupService>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<BackupService>());
            builder.AddTelegram();
            builder.AddDiscord();
        }

        builder.AddMonitoring();

        builder.ConfigureContainer(new Microsoft.Extensions.DependencyInjection.DefaultServiceProviderFactory(new ServiceProviderOptions
        {
            ValidateOnBuild = true,
            ValidateScopes = true,
        }));
        return builder;
    }
}
