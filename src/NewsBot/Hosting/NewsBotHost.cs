using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using NewsBot.Core;
using NewsBot.Feeds;
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

    /// <summary>
    /// Configuration, lowest precedence first: the root appsettings.json (copied beside the
    /// executable, so the same file is read from a clone or a publish folder),
    /// appsettings.{Environment}.json, user secrets (in Development only, as the .NET host does:
    /// a secret left on a developer's machine must not reach a production service),
    /// environment variables such as Telegram__Token.
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

        return configuration.AddEnvironmentVariables();
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

        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o =>
        {
            // Standard output belongs to the chat transcript; logs always go to standard error.
            o.LogToStandardErrorThreshold = LogLevel.Trace;
        });
        if (mode == HostMode.TerminalChat)
        {
            builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        }

        builder.Services.AddOptions<NewsBotOptions>().BindConfiguration(NewsBotOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<NewsBotOptions>, NewsBotOptionsValidator>();
        builder.Services.AddOptions<NewsBot.Core.Delivery.DeliveryOptions>().BindConfiguration(NewsBot.Core.Delivery.DeliveryOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<NewsBot.Core.Delivery.DeliveryOptions>, DeliveryOptionsValidator>();

        builder.Services.AddNewsBotCore();
        builder.Services.AddSingleton<NewsBot.Core.Announcements.IAdminNotifier, ChatAdminNotifier>();
        builder.Services.AddSingleton<NewsBot.Core.Announcements.IAnnouncementChannels, ConfiguredAnnouncementChannels>();
        builder.Services.AddLiteDbStorage();
        builder.AddFeeds();

        // Order matters: the index is filled before sources are read, and both before any chat.
        builder.Services.AddHostedService<ArticleIndexLoader>();
        builder.Services.AddHostedService<SubscriptionIndexLoader>();
        builder.Services.AddHostedService<FeedPollingService>();
        builder.Services.AddHostedService<RetentionService>();
        builder.Services.AddHostedService<DeliveryService>();
        builder.Services.AddHostedService<DigestService>();
        builder.Services.AddHostedService<AnnouncementService>();
        builder.Services.AddSingleton<TerminalChat>();
        if (mode == HostMode.Service)
        {
            builder.AddTelegram();
            builder.AddDiscord();
        }

        builder.ConfigureContainer(new Microsoft.Extensions.DependencyInjection.DefaultServiceProviderFactory(new ServiceProviderOptions
        {
            ValidateOnBuild = true,
            ValidateScopes = true,
        }));
        return builder;
    }
}
