namespace NewsBot.Cli;

/// <summary>
/// The LiteDB data folder the settings name, for the verbs that work on the file itself while
/// the bot is stopped. Refuses when the settings choose PostgreSQL, where there is no file.
/// </summary>
internal static class ConfiguredLiteDbFolder
{
    /// <param name="postgresMessage">What to say when Storage:Provider is Postgres.</param>
    /// <returns>The full path of the folder; or null, with the exit code, after saying on <paramref name="stderr"/> why there is none.</returns>
    public static async Task<(string? Folder, int ExitCode)> FindAsync(string postgresMessage, TextWriter stderr)
    {
        try
        {
            using var host = NewsBotHost.CreateBuilder(HostMode.TerminalChat).Build();
            if (StorageProviders.UsesPostgres(host.Services.GetRequiredService<IConfiguration>()))
            {
                await stderr.WriteLineAsync(postgresMessage).ConfigureAwait(false);
                return (null, 1);
            }

            return (Path.GetFullPath(host.Services.GetRequiredService<IOptions<NewsBotOptions>>().Value.DataDirectory), 0);
        }
        catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var message))
        {
            await stderr.WriteLineAsync(message).ConfigureAwait(false);
            return (null, StartupFailure.ExitCode);
        }
    }
}
