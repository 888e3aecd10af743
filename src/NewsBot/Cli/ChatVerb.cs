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
        var (host, exitCode) = await HostStart.StartAsync(
            () => (builder ?? NewsBotHost.CreateBuilder()).AddNewsBot(HostMode.TerminalChat).Build(),
            cancellationToken).ConfigureAwait(false);
        if (host is null)
        {
            return exitCode;
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
