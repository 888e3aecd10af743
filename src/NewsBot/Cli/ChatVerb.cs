using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsBot.Hosting;
using NewsBot.Platforms.Terminal;

namespace NewsBot.Cli;

internal static class ChatVerb
{
    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        IHost host;
        try
        {
            host = NewsBotHost.CreateBuilder(HostMode.TerminalChat).Build();
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var message))
        {
            await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
            return StartupFailure.ExitCode;
        }

        using (host)
        {
            var chat = host.Services.GetRequiredService<TerminalChat>();
            await chat.RunAsync(Console.In, Console.Out, interactive: !Console.IsInputRedirected, cancellationToken).ConfigureAwait(false);
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.StopAsync(stopping.Token).ConfigureAwait(false);
        }

        return 0;
    }
}
