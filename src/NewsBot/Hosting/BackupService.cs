namespace NewsBot.Hosting;

/// <summary>
/// Writes a checked copy of the database every <c>Storage:BackupInterval</c> into
/// <c>Storage:BackupDirectory</c> and keeps the newest <c>Storage:BackupsToKeep</c>. The time of
/// the newest copy on disk sets the next one, so restarts neither skip a backup nor take one at
/// every start. A directory it cannot write to stops start-up with a message naming the key.
/// </summary>
internal sealed class BackupService(
    NewsBotDatabase database,
    IOptions<BackupOptions> options,
    IOptions<NewsBotOptions> botOptions,
    TimeProvider time,
    ILogger<BackupService> logger) : BackgroundService
{
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);

    private readonly BackupOptions _options = options.Value;
    private volatile BackupStatus _status = BackupStatus.Healthy;

    public string Directory { get; } = options.Value.DirectoryFor(botOptions.Value.DataDirectory);

    public bool Enabled => _options.BackupInterval > TimeSpan.Zero;

    /// <summary>The last failure of this process's backups, for the status page.</summary>
    public BackupStatus Status => _status;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            logger.LogBackupsOff();
            return Task.CompletedTask;
        }

        CheckWritable();
        return base.StartAsync(cancellationToken);
    }

    /// <summary>Takes one backup now and prunes the old ones; returns its path.</summary>
    public string BackUpNow()
    {
        var now = time.GetUtcNow();
        var target = Path.Combine(Directory, DatabaseBackup.FileNameFor(now));
        try
        {
            var summary = DatabaseBackup.Copy(database, target);
            _status = BackupStatus.Healthy;
            logger.LogBackedUp(target, summary.ToString());
            Prune();
            return target;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            _status = new BackupStatus(ex.Message, now);
            throw;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = _options.BackupInterval;
        var retry = interval < LongestRetry ? interval : LongestRetry;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var newest = DatabaseBackup.List(Directory).Select(b => (DateTimeOffset?)b.At).FirstOrDefault();
                var wait = newest is null ? TimeSpan.Zero : newest.Value + interval - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                }

                try
                {
                    await Task.Run(BackUpNow, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    logger.LogBackupFailed(ex.Message, retry);
                    await Task.Delay(retry, time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; a copy being written is finished first, as Task.Run is not cancelled midway.
        }
    }

    private void CheckWritable()
    {
        var probe = Path.Combine(Directory, $".newsbot-write-check-{Guid.NewGuid():N}");
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OptionsValidationException(BackupOptions.SectionName, typeof(BackupOptions),
                [$"Storage:BackupDirectory {Directory} cannot be written to ({ex.Message}). Give NewsBot's user write access, choose another folder, or set Storage:BackupInterval to 00:00:00 to turn scheduled backups off."]);
        }
    }

    private void Prune()
    {
        foreach (var (path, _) in DatabaseBackup.List(Directory).Skip(_options.BackupsToKeep))
        {
            try
            {
                File.Delete(path);
                logger.LogBackupPruned(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogBackupPruneFailed(path, ex.Message);
            }
        }
    }
}

/// <summary>The last failure of a backup and when it happened; a backup that works clears it.</summary>
internal sealed record BackupStatus(string? LastError, DateTimeOffset? LastErrorAt)
{
    public static readonly BackupStatus Healthy = new(null, null);
}
