using NewsBot.Platforms;
using NewsBot.Core;

namespace NewsBot.Hosting;

/// <summary>The composition root: the configuration, then each area's own registration.</summary>
internal static class NewsBotHost
{
    /// <summary>DOTNET_ENVIRONMENT, Production when unset; <c>dotnet run</c> sets Development (launchSettings.json).</summary>
    public static string EnvironmentName =>
        Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } name ? name : Environments.Production;

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

    /// <summary>
    /// A builder holding the configuration only (<see cref="AddNewsBotConfiguration"/>, then
    /// <paramref name="configure"/>); a file that cannot be read throws here, before anything
    /// else is set up. <see cref="AddNewsBot"/> adds the services.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(Action<IConfigurationBuilder>? configure = null)
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
        return builder;
    }

    /// <summary>The whole bot for <paramref name="mode"/>: the configuration, then every area.</summary>
    public static HostApplicationBuilder CreateBuilder(HostMode mode, Action<IConfigurationBuilder>? configure = null) =>
        CreateBuilder(configure).AddNewsBot(mode);

    /// <summary>Whether a Telegram or Discord token is configured, which makes <c>run</c> serve them.</summary>
    public static bool HasPlatform(IConfiguration configuration) =>
        PlatformRegistration.HasToken(configuration, TelegramOptions.SectionName)
        || PlatformRegistration.HasToken(configuration, DiscordOptions.SectionName);

    /// <summary>
    /// Every area, each binding and checking its own options. The platforms serve in
    /// <see cref="HostMode.Service"/> only; monitoring comes last, so the platforms' readiness
    /// checks join it.
    /// </summary>
    public static HostApplicationBuilder AddNewsBot(this HostApplicationBuilder builder, HostMode mode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddNewsBotLogging(mode);
        builder.AddNewsBotCore();
        builder.AddDelivery();
        builder.AddStorage();
        builder.AddFeeds();
        builder.AddHosting(mode);
        if (mode == HostMode.Service)
        {
            builder.AddTelegram();
            builder.AddDiscord();
        }

        builder.AddMonitoring();

        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions
        {
            ValidateOnBuild = true,
            ValidateScopes = true,
        }));
        return builder;
    }
}
