namespace NewsBot.Cli;

/// <summary><c>newsbot feeds export [--output file.opml]</c>: every source as OPML.</summary>
internal static class FeedsExportVerb
{
    public static async Task<int> RunAsync(string? output, CancellationToken cancellationToken)
    {
        try
        {
            using var host = NewsBotHost.CreateBuilder(HostMode.TerminalChat).Build();
            var sources = await host.Services.GetRequiredService<ISourceStore>().AllAsync(cancellationToken).ConfigureAwait(false);
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            if (output is null)
            {
                await using var stdout = Console.OpenStandardOutput();
                Opml.Write(stdout, sources, now);
                await Console.Out.WriteLineAsync().ConfigureAwait(false);
            }
            else
            {
                await using var file = File.Create(output);
                Opml.Write(file, sources, now);
                await Console.Error.WriteLineAsync($"Wrote {sources.Count} sources to {output}.").ConfigureAwait(false);
            }

            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"Cannot write {output}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var message))
        {
            await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
            return StartupFailure.ExitCode;
        }
    }
}
