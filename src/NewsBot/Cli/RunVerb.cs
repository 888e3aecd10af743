namespace NewsBot.Cli;

internal static class RunVerb
{
    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // The configuration is read once, and what it says decides the mode: a token set in
        // appsettings.{Environment}.json, user secrets or a credential file counts like any other.
        HostApplicationBuilder builder;
        try
        {
            builder = NewsBotHost.CreateBuilder();
        }
        catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var message))
        {
            await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
            return StartupFailure.ExitCode;
        }

        if (NewsBotHost.HasPlatform(builder.Configuration))
        {
            return await ServeAsync(builder, cancellationToken).ConfigureAwait(false);
        }

        await Console.Error.WriteLineAsync(
            "No Telegram or Discord token is configured, so NewsBot starts as a chat in this terminal.\n" +
            "To put it on Telegram, set Telegram__Token (environment) or run: dotnet user-secrets set Telegram:Token <token> --project src/NewsBot\n" +
            "For Discord, set Discord__Token the same way. See README.md.").ConfigureAwait(false);
        return await ChatVerb.RunAsync(builder, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs every configured platform until Ctrl+C (or SIGTERM from a service manager).</summary>
    private static async Task<int> ServeAsync(HostApplicationBuilder builder, CancellationToken cancellationToken)
    {
        var (host, exitCode) = await HostStart.StartAsync(
            () => builder.AddNewsBot(HostMode.Service).Build(),
            cancellationToken).ConfigureAwait(false);
        if (host is null)
        {
            return exitCode;
        }

        using (host)
        {
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("NewsBot");
            var platforms = host.Services.GetServices<NewsBot.Core.Delivery.IChatSender>().Select(s => DisplayName(s.Platform)).Distinct(StringComparer.Ordinal);
            logger.LogRunning(string.Join(" and ", platforms));
            await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            var telegramRefused = host.Services.GetService<TelegramBotService>()?.TokenRefused == true;
            var discordRefused = host.Services.GetService<DiscordBotService>()?.Refused == true;
            if (telegramRefused || discordRefused)
            {
                return StartupFailure.ExitCode;
            }

            return host.Services.GetService<ChangeFeedService>()?.FellBehind == true ? ChangeFeedService.RestartExitCode : 0;
        }
    }

    private static string DisplayName(string platform) =>
        platform.Length == 0 ? platform : char.ToUpperInvariant(platform[0]) + platform[1..];
}
