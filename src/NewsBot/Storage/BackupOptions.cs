namespace NewsBot.Storage;

/// <summary>The backup keys of the <c>Storage</c> section.</summary>
internal sealed class BackupOptions
{
    public const string SectionName = "Storage";

    /// <summary>How often the running bot writes a copy of its database; zero turns scheduled backups off.</summary>
    public TimeSpan BackupInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Where the copies go; empty means <c>backups</c> inside <c>NewsBot:DataDirectory</c>.</summary>
    public string BackupDirectory { get; set; } = string.Empty;

    /// <summary>How many scheduled copies are kept; older ones are deleted after each new one.</summary>
    public int BackupsToKeep { get; set; } = 7;

    public string DirectoryFor(string dataDirectory) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(BackupDirectory) ? Path.Combine(dataDirectory, "backups") : BackupDirectory.Trim());
}
