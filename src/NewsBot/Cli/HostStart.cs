namespace NewsBot.Cli;

/// <summary>Builds and starts the host of a long-running verb, turning a start that fails or is cancelled into an exit code.</summary>
internal static class HostStart
{
    /// <returns>The started host, or no host and the exit code to end with.</returns>
    public static async Task<(IHost? Host, int ExitCode)> StartAsync(Func<IHost> build, CancellationToken cancellationToken)
    {
        IHost? host = null;
        try
        {
            host = build();
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            return (host, 0);
        }
        catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var message))
        {
            // Disposing closes the database and lets go of its lock file before the process ends.
            host?.Dispose();
            await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
            return (null, StartupFailure.ExitCode);
        }
        catch (OperationCanceledException)
        {
            // Told to stop (SIGTERM, Ctrl+C) while still starting.
            host?.Dispose();
            return (null, 0);
        }
    }
}
