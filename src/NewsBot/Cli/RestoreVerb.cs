namespace NewsBot.Cli;

/// <summary>
/// <c>newsbot restore &lt;file&gt;</c>: checks that the file is a readable NewsBot database, keeps
/// the current database aside, and puts a copy of the file in its place. Only while the bot is stopped.
/// </summary>
internal static class RestoreVerb
{
    public const string PostgresMessage =
        "Storage:Provider is Postgres, and newsbot restore puts back a LiteDB file only. Nothing was changed. "
        + "Restore a PostgreSQL database from a pg_dump copy with pg_restore (pg_restore --clean --dbname=<database> newsbot.dump), with the bot stopped.";

    public static async Task<int> RunAsync(string file, TextWriter stdout, TextWriter stderr)
    {
        var (dataDirectory, exitCode) = await ConfiguredLiteDbFolder.FindAsync(PostgresMessage, stderr).ConfigureAwait(false);
        if (dataDirectory is null)
        {
            return exitCode;
        }

        var input = Path.GetFullPath(file);
        if (!File.Exists(input))
        {
            return await VerbRefusal.SayAsync(stderr, $"Cannot restore {input}: there is no such file. Nothing was changed.").ConfigureAwait(false);
        }

        var target = Path.Combine(dataDirectory, NewsBotDatabase.FileName);
        try
        {
            Directory.CreateDirectory(dataDirectory);
            using var held = DatabaseLock.TryTake(target);
            if (held is null)
            {
                return await VerbRefusal.BotRunningAsync(stderr, target, "restore", "Nothing was changed.").ConfigureAwait(false);
            }

            var temporary = DatabaseBackup.TemporaryNameIn(dataDirectory);
            try
            {
                File.Copy(input, temporary);
                DatabaseSummary summary;
                try
                {
                    summary = DatabaseBackup.Check(temporary);
                }
                catch (InvalidDataException ex)
                {
                    return await VerbRefusal.SayAsync(stderr, $"Cannot restore {input}: {ex.Message}. Nothing was changed.").ConfigureAwait(false);
                }

                var aside = KeepCurrentAside(dataDirectory, target);
                File.Move(temporary, target);
                await stdout.WriteLineAsync($"Restored {input} into {target} ({summary}).").ConfigureAwait(false);
                if (aside is not null)
                {
                    await stdout.WriteLineAsync($"The database it replaced is kept in {aside}; set NewsBot:DataDirectory to that folder to open it.").ConfigureAwait(false);
                }

                return 0;
            }
            finally
            {
                DatabaseBackup.DeleteTemporary(temporary);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return await VerbRefusal.SayAsync(stderr, $"Cannot restore into {dataDirectory}: {ex.Message}").ConfigureAwait(false);
        }
    }

    /// <summary>Moves the current database and its log file into a folder of their own; null when there is none.</summary>
    private static string? KeepCurrentAside(string dataDirectory, string current)
    {
        var log = DatabaseBackup.LogFileOf(current);
        if (!File.Exists(current) && !File.Exists(log))
        {
            return null;
        }

        var aside = Path.Combine(dataDirectory, "before-restore-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        for (var n = 2; Directory.Exists(aside); n++)
        {
            aside = Path.Combine(dataDirectory, "before-restore-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + n.ToString(CultureInfo.InvariantCulture));
        }

        Directory.CreateDirectory(aside);
        if (File.Exists(current))
        {
            File.Move(current, Path.Combine(aside, NewsBotDatabase.FileName));
        }

        if (File.Exists(log))
        {
            File.Move(log, Path.Combine(aside, Path.GetFileName(log)));
        }

        return aside;
    }
}
