namespace NewsBot.Storage;

/// <summary>Checks the backup keys of the Storage section; each failure names the key.</summary>
internal sealed class BackupOptionsValidator : IValidateOptions<BackupOptions>
{
    public static readonly TimeSpan ShortestInterval = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, BackupOptions options)
    {
        var failures = new List<string>();
        if (options.BackupInterval != TimeSpan.Zero && options.BackupInterval < ShortestInterval)
        {
            failures.Add($"Storage:BackupInterval must be at least 00:05:00, or 00:00:00 to turn scheduled backups off; got {options.BackupInterval:c}.");
        }

        if (options.BackupsToKeep is < 1 or > 1000)
        {
            failures.Add($"Storage:BackupsToKeep must be between 1 and 1000; got {options.BackupsToKeep}.");
        }

        if (!string.IsNullOrWhiteSpace(options.BackupDirectory) && options.BackupDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add("Storage:BackupDirectory contains characters that cannot be in a path.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
