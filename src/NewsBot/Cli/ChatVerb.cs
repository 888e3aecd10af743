using NewsBot.Platforms.Terminal;

namespace NewsBot.Cli;

internal static class ChatVerb
{
    /// <summary>
    /// The bot as a chat in this terminal, from <paramref name="builder"/>'s configuration when
    /// <c>run</c> has read it already, else from a fresh read.
    /// </summary>
    public static async Task<int> RunAsync(HostApplicationBuilder? builder, CancellationToken cancellationToken)
    {
        IHost? host = null;
        try
        {
            host = (builder ?? NewsBotHost.CreateBuilder()).AddNewsBot(HostMode.TerminalChat).Build();
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var message))
        {
            // Disposing closes the database and lets go of its lock file before the process ends.
            host?.Dispose();
            await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
            return StartupFailure.ExitCode;
        }
        catch (OperationCanceledException)
        {
            // Told to stop (SIGTERM, Ctrl+C) while still starting.
            host?.Dispose();
            return 0;
        }

        using (host)
        {
            // SIGTERM or Ctrl+C stops the host; the chat ends with it, even while waiting for a line.
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            using var ending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
            var chat = host.Services.GetRequiredService<TerminalChat>();
            await chat.RunAsync(Console.In, Console.Out, interactive: !Console.IsInputRedirected, ending.Token).ConfigureAwait(false);
            using var stopping = new CancellationTokenSource(NewsBotHost.ShutdownTimeout);
            await host.StopAsync(stopping.Token).ConfigureAwait(false);
        }

        return 0;
    }
}
