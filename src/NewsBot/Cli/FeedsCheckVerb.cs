using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using NewsBot.Feeds;
using NewsBot.Hosting;

namespace NewsBot.Cli;

internal static class FeedsCheckVerb
{
    public static async Task<int> RunAsync(string target, bool json, CancellationToken cancellationToken)
    {
        // Only the feed services are needed: no database, so this works beside a running bot.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables();
        builder.Logging.AddSimpleConsole();
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddFeeds();

        try
        {
            using var host = builder.Build();
            var check = host.Services.GetRequiredService<FeedCheck>();

            // A path typed at the prompt means the current directory; configured paths mean the app's folder.
            if (!target.Contains("://", StringComparison.Ordinal) && File.Exists(Path.GetFullPath(target)))
            {
                target = Path.GetFullPath(target);
            }

            return await check.RunAsync(target, json, Console.Out, Console.Error, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var message))
        {
            await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
            return StartupFailure.ExitCode;
        }
    }
}
