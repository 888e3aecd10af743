using System.Text.RegularExpressions;
using LiteDB;

namespace NewsBot.Storage;

/// <summary>
/// Consistent copies of the LiteDB file, and the checks that a file is a readable NewsBot database.
/// </summary>
/// <remarks>
/// LiteDB writes every commit to its log file first and touches the data file only during a
/// checkpoint. So a checkpoint followed by a plain copy of the data file is a consistent
/// snapshot, provided no other checkpoint starts during the copy: automatic checkpoints are
/// switched off (the CHECKPOINT pragma) for that time, and switched back on in the live file and
/// in the copy. Writers are never blocked; what they commit meanwhile stays in the log.
/// </remarks>
internal static partial class DatabaseBackup
{
    public const string FilePrefix = "newsbot-";
    public const string FileExtension = ".db";

    // A fresh LiteDB 5 file with NewsBot's collections is larger than this.
    private const long SmallestDatabaseBytes = 16_384;

    // LiteDB's own default for the CHECKPOINT pragma (pages in the log before it is folded in).
    private const int DefaultCheckpointSize = 1000;

    /// <summary>The file name of a backup taken at <paramref name="at"/>, in UTC, so names sort by time.</summary>
    public static string FileNameFor(DateTimeOffset at) =>
        FilePrefix + at.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + FileExtension;

    /// <summary>When the backup named <paramref name="fileName"/> was taken; null for any other file.</summary>
    public static DateTimeOffset? TakenAt(string fileName) =>
        BackupName().Match(fileName) is { Success: true } match
        && DateTime.TryParseExact(match.Groups[1].Value, "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null;

    /// <summary>The backups in <paramref name="directory"/>, newest first; other files are left out.</summary>
    public static IReadOnlyList<(string Path, DateTimeOffset At)> List(string directory) =>
        !Directory.Exists(directory) ? []
        : Directory.EnumerateFiles(directory, FilePrefix + "*" + FileExtension)
            .Select(path => (Path: path, At: TakenAt(Path.GetFileName(path))))
            .Where(b => b.At is not null)
            .Select(b => (b.Path, b.At!.Value))
            .OrderByDescending(b => b.Value)
            .ToList();

    /// <summary>
    /// Writes a consistent copy of the open database to <paramref name="target"/>, checks that it
    /// opens and reads, and only then gives it its name. Nothing is written over: an existing
    /// <paramref name="target"/> is an error.
    /// </summary>
    public static DatabaseSummary Copy(NewsBotDatabase database, string target)
    {
        ArgumentNullException.ThrowIfNull(database);
        target = Path.GetFullPath(target);
        if (File.Exists(target))
        {
            throw new IOException($"{target} already exists; it was left as it is. Choose another file name.");
        }

        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        var temporary = TemporaryNameIn(directory);
        try
        {
            var live = database.Database;
            // Zero here can only be left over from a copy whose process was killed midway.
            var checkpointSize = live.CheckpointSize > 0 ? live.CheckpointSize : DefaultCheckpointSize;
            live.CheckpointSize = 0;
            try
            {
                live.Checkpoint();
                CopyFile(database.FilePath, temporary);
            }
            finally
            {
                live.CheckpointSize = checkpointSize;
            }

            var summary = Check(temporary, restoreCheckpointSize: checkpointSize);
            File.Move(temporary, target, overwrite: false);
            return summary;
        }
        finally
        {
            DeleteTemporary(temporary);
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> with LiteDB and reads every document of every collection.
    /// Throws <see cref="InvalidDataException"/> with a sentence for people when it is not a
    /// readable NewsBot database. LiteDB may tidy the file (apply its log), so check a copy.
    /// </summary>
    public static DatabaseSummary Check(string path, int? restoreCheckpointSize = null)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InvalidDataException("the file does not exist");
        }

        if (info.Length < SmallestDatabaseBytes)
        {
            throw new InvalidDataException($"it is {info.Length} bytes, too small to be a NewsBot database");
        }

        try
        {
            using var database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, LiteDbMapper.Create());
            if (restoreCheckpointSize is { } size && database.CheckpointSize != size)
            {
                database.CheckpointSize = size;
            }

            var schema = database.GetCollection("state").FindById("schema");
            if (schema is null || !int.TryParse(schema["Value"].AsString, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidDataException("it is a LiteDB file but not a NewsBot database (it has no schema version)");
            }

            if (version > NewsBotDatabase.SchemaVersion)
            {
                throw new InvalidDataException($"it has schema version {version}, newer than this NewsBot understands ({NewsBotDatabase.SchemaVersion})");
            }

            var counts = database.GetCollectionNames().ToDictionary(name => name, name => database.GetCollection(name).FindAll().Count(), StringComparer.Ordinal);
            return new DatabaseSummary(
                counts.GetValueOrDefault("articles"),
                counts.GetValueOrDefault("sources"),
                counts.GetValueOrDefault("chats"),
                counts.GetValueOrDefault("subscriptions"),
                counts.GetValueOrDefault("bookmarks"));
        }
        catch (InvalidDataException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidDataException($"it cannot be read as a LiteDB database ({ex.Message})", ex);
        }
    }

    /// <summary>A name in <paramref name="directory"/> that no backup listing or pruning ever picks up.</summary>
    public static string TemporaryNameIn(string directory) =>
        Path.Combine(directory, $".newsbot-{Guid.NewGuid():N}.tmp");

    /// <summary>Deletes a temporary copy and the log file LiteDB may have left beside it.</summary>
    public static void DeleteTemporary(string temporary)
    {
        foreach (var path in new[] { temporary, LogFileOf(temporary) })
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Only a leftover hidden file; the outcome was already decided.
            }
        }
    }

    /// <summary>LiteDB's log file for a data file: <c>name-log.ext</c> beside it.</summary>
    public static string LogFileOf(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));

    private static void CopyFile(string source, string target)
    {
        using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var to = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        from.CopyTo(to);
        to.Flush(flushToDisk: true);
    }

    [GeneratedRegex(@"^newsbot-(\d{8}-\d{6})\.db$", RegexOptions.CultureInvariant)]
    private static partial Regex BackupName();
}
