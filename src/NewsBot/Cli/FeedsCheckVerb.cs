namespace NewsBot.Cli;

internal static class FeedsCheckVerb
{
    public static async Task<int> RunAsync(string target, bool json, CancellationToken cancellationToken)
    {
        try
        {
            // The configuration every verb reads, but only the feed services: no database, so
            // this works beside a running bot.
            var builder = NewsBotHost.CreateBuilder();
            builder.AddNewsBotLogging(HostMode.TerminalChat);
            builder.AddFeeds();
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
