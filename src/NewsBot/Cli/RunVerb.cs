using Microsoft.Extensions.Configuration;

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

        var hasTelegram = !string.IsNullOrWhiteSpace(configuration["Telegram:Token"]);
        var hasDiscord = !string.IsNullOrWhiteSpace(configuration["Discord:Token"]);
        if (!hasTelegram && !hasDiscord)
        {
            await Console.Error.WriteLineAsync(
                "No Telegram or Discord token is configured, so NewsBot starts as a chat in this terminal.\n" +
                "To put it on Telegram, set Telegram__Token (environment) or run: dotnet user-secrets set Telegram:Token <token> --project src/NewsBot\n" +
                "For Discord, set Discord__Token and Discord__ApplicationId the same way. See README.md.").ConfigureAwait(false);
        }
        else
        {
            var which = string.Join(" and ", new[] { hasTelegram ? "Telegram" : null, hasDiscord ? "Discord" : null }.OfType<string>());
            await Console.Error.WriteLineAsync(
                $"A {which} token is configured, but this version of NewsBot serves the terminal chat only; the platform connection is not available yet. Starting the terminal chat.").ConfigureAwait(false);
        }

        return await ChatVerb.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
