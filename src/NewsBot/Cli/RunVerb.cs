using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot.Hosting;
using NewsBot.Platforms.Telegram;

namespace NewsBot.Cli;

internal static class RunVerb
{
    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddUserSecrets(typeof(RunVerb).Assembly, optional: true)
            .AddEnvironmentVariables()
            .Build();

        var hasTelegram = TelegramRegistration.IsConfigured(configuration);
        var hasDiscord = !string.IsNullOrWhiteSpace(configuration["Discord:Token"]);
        if (hasTelegram)
        {
            return await ServeAsync(hasDiscord, cancellationToken).ConfigureAwait(false);
        }

        if (!hasDiscord)
        {
            await Console.Error.WriteLineAsync(
                "No Telegram or Discord token is configured, so NewsBot starts as a chat in this terminal.\n" +
                "To put it on Telegram, set Telegram__Token (environment) or run: dotnet user-secrets set Telegram:Token <token> --project src/NewsBot\n" +
                "For Discord, set Discord__Token and Discord__ApplicationId the same way. See README.md.").ConfigureAwait(false);
        }
        else
        {
            await Console.Error.WriteLineAsync(
                "A Discord token is configured, but this version of NewsBot does not connect to Discord yet. Starting the terminal chat.").ConfigureAwait(false);
        }

        return await ChatVerb.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs every configured platform until Ctrl+C (or SIGTERM from a service manager).</summary>
    private static async Task<int> ServeAsync(bool hasDiscord, CancellationToken cancellationToken)
    {
        IHost host;
        try
        {
            host = NewsBotHost.CreateBuilder(HostMode.Service).Build();
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var message))
        {
            await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
            return StartupFailure.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }

        using (host)
        {
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("NewsBot");
            logger.LogInformation("NewsBot is running on Telegram. Press Ctrl+C to stop.");
            if (hasDiscord)
            {
                logger.LogWarning("A Discord token is configured, but this version of NewsBot does not connect to Discord yet.");
            }

            await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return host.Services.GetService<TelegramBotService>()?.TokenRefused == true ? StartupFailure.ExitCode : 0;
        }
    }
}
