namespace NewsBot.Cli;

/// <summary><c>newsbot backup [--output file]</c>: a checked copy of the database while the bot is stopped.</summary>
internal static class BackupVerb
{
    public const string PostgresMessage =
        "Storage:Provider is Postgres, and newsbot backup copies NewsBot's LiteDB file only. Back up the PostgreSQL database with PostgreSQL's own tools: "
        + "pg_dump --format=custom --file=newsbot.dump <database> (the bot may keep running), and pg_restore to go back.";

    public static async Task<int> RunAsync(string? output, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            using var host = NewsBotHost.CreateBuilder(HostMode.TerminalChat).Build();
            if (StorageProviders.UsesPostgres(host.Services.GetRequiredService<IConfiguration>()))
            {
                return await VerbRefusal.SayAsync(stderr, PostgresMessage).ConfigureAwait(false);
            }

            var dataDirectory = Path.GetFullPath(host.Services.GetRequiredService<IOptions<NewsBotOptions>>().Value.DataDirectory);
            var backups = host.Services.GetRequiredService<IOptions<BackupOptions>>().Value;
            var backupDirectory = backups.DirectoryFor(dataDirectory);
            var source = Path.Combine(dataDirectory, NewsBotDatabase.FileName);
            if (!File.Exists(source))
            {
                return await VerbRefusal.SayAsync(stderr, $"There is no database at {source} yet, so there is nothing to back up. Check NewsBot:DataDirectory.").ConfigureAwait(false);
            }

            if (DatabaseLock.IsHeld(source))
            {
                return await VerbRefusal.SayAsync(stderr, RunningMessage(source, backups, backupDirectory)).ConfigureAwait(false);
            }

            var target = Path.GetFullPath(output ?? Path.Combine(backupDirectory, DatabaseBackup.FileNameFor(DateTimeOffset.UtcNow)));
            using var database = NewsBotDatabase.Open(dataDirectory);
            try
            {
                var summary = DatabaseBackup.Copy(database, target);
                await stdout.WriteLineAsync($"Backed up {source} to {target} ({summary}). The copy was checked: it opens and every record reads.").ConfigureAwait(false);
                return 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                return await VerbRefusal.SayAsync(stderr, $"Cannot write the backup to {target}: {ex.Message} The database was not changed.").ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var message))
        {
            await stderr.WriteLineAsync(message).ConfigureAwait(false);
            return StartupFailure.ExitCode;
        }
    }

    private static string RunningMessage(string source, BackupOptions backups, string backupDirectory)
    {
        var lines = new List<string> { $"NewsBot is running and holds {source}, so this command cannot copy it safely." };
        if (backups.BackupInterval <= TimeSpan.Zero)
        {
            lines.Add("Scheduled backups are off (Storage:BackupInterval). Stop the bot, run this command, and start it again.");
            return string.Join(Environment.NewLine, lines);
        }

        lines.Add($"The running bot writes its own checked backups every {backups.BackupInterval:c} into {backupDirectory}.");
        var existing = DatabaseBackup.List(backupDirectory);
        lines.Add(existing.Count == 0
            ? "None is there yet."
            : $"The newest is {existing[0].Path}, taken {existing[0].At:yyyy-MM-dd HH:mm} UTC.");
        lines.Add("To take one now, stop the bot, run this command, and start it again.");
        return string.Join(Environment.NewLine, lines);
    }
}
