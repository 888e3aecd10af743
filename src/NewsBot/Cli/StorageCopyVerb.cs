using NewsBot.Storage.Copy;

namespace NewsBot.Cli;

/// <summary>
/// <c>newsbot storage copy --to-postgres "&lt;connection string&gt;"</c>: copies the LiteDB
/// database of <c>NewsBot:DataDirectory</c> into an empty PostgreSQL database, with a progress
/// bar, then prints what it copied and what it read back. Only while the bot is stopped. The
/// LiteDB database is left as it was.
/// </summary>
internal static class StorageCopyVerb
{
    public const string PostgresMessage =
        "Storage:Provider is Postgres, so there is no LiteDB database configured to copy. Run storage copy with the settings the bot used on LiteDB "
        + "(Storage:Provider unset or LiteDb, and its NewsBot:DataDirectory), then switch to Postgres. Nothing was written.";

    /// <param name="interactive">Whether to draw the progress bar in place; null: when standard error is a terminal.</param>
    public static async Task<int> RunAsync(string? target, TextWriter stdout, TextWriter stderr, bool? interactive, CancellationToken cancellationToken)
    {
        Npgsql.NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = CopyTarget.Parse(target);
        }
        catch (CopyRefusedException ex)
        {
            await stderr.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return StartupFailure.ExitCode;
        }

        var (dataDirectory, exitCode) = await ConfiguredLiteDbFolder.FindAsync(PostgresMessage, stderr).ConfigureAwait(false);
        if (dataDirectory is null)
        {
            return exitCode;
        }

        var file = Path.Combine(dataDirectory, NewsBotDatabase.FileName);
        if (!File.Exists(file))
        {
            return await VerbRefusal.SayAsync(stderr, $"There is no database at {file}, so there is nothing to copy. Check NewsBot:DataDirectory. Nothing was written.").ConfigureAwait(false);
        }

        if (DatabaseLock.IsHeld(file))
        {
            return await VerbRefusal.BotRunningAsync(stderr, file, "copy", "Nothing was written.").ConfigureAwait(false);
        }

        NewsBotDatabase database;
        try
        {
            database = NewsBotDatabase.Open(dataDirectory);
        }
        catch (DatabaseUnavailableException ex)
        {
            return await VerbRefusal.SayAsync(stderr, $"Cannot copy: {ex.Message} Nothing was written.").ConfigureAwait(false);
        }

        using (database)
        {
            var total = CopiedTables.All.Sum(t => t.CountIn(database));
            var progress = new ProgressBar(stderr, total, interactive);
            CopyReport report;
            try
            {
                report = await LiteDbToPostgres.CopyAsync(database, parsed, progress.Advance, cancellationToken).ConfigureAwait(false);
            }
            catch (CopyRefusedException ex)
            {
                progress.Finish();
                await stderr.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return StartupFailure.ExitCode;
            }
            catch (CopyFailedException ex)
            {
                progress.Finish();
                return await VerbRefusal.SayAsync(stderr, ex.Message).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                progress.Finish();
                return await VerbRefusal.SayAsync(stderr, "Stopped before the copy was complete. It was rolled back: the PostgreSQL database holds NewsBot's tables, empty. Run the command again.").ConfigureAwait(false);
            }

            progress.Finish();
            await stdout.WriteAsync(CopyReportText.Render(report)).ConfigureAwait(false);
            return 0;
        }
    }
}
