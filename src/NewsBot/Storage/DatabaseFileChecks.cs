using LiteDB;

namespace NewsBot.Storage;

/// <summary>
/// Everything that can be learnt about an existing database file without writing to it: its
/// size, that this user may read and write it, and that LiteDB can read it as a NewsBot
/// database. A file that fails a check is refused with a sentence an operator can act on and
/// left exactly as it was.
/// </summary>
internal static class DatabaseFileChecks
{
    // A fresh LiteDB 5 file is this large; anything smaller would be overwritten without a word.
    private const long SmallestValidFileBytes = 32_768;

    // LiteDB writes whole pages; a file of any other length is damaged, and opening it for
    // writing would cut it to a page boundary.
    private const long PageBytes = 8_192;

    /// <exception cref="DatabaseUnavailableException">The file is not a NewsBot database this version may open for writing.</exception>
    public static void CheckExisting(string path)
    {
        var info = new FileInfo(path);
        if (info.Length < SmallestValidFileBytes)
        {
            throw new DatabaseUnavailableException(
                $"{path} is not a NewsBot database ({info.Length} bytes; too small to be one). It was left untouched. Move it away or set NewsBot:DataDirectory to another folder.");
        }

        CheckAccess(path, FileAccess.Read);
        CheckAccess(path, FileAccess.ReadWrite);
        CheckAccess(NewsBotDatabase.LogFilePath(path), FileAccess.ReadWrite);
        if (info.Length % PageBytes != 0)
        {
            throw new DatabaseUnavailableException(
                $"{path} is damaged: its length ({info.Length} bytes) is not a whole number of {PageBytes}-byte pages. It was left untouched. Restore a copy, move it away to start afresh, or set NewsBot:DataDirectory to another folder.");
        }

        try
        {
            using var reader = NewsBotDatabase.OpenReadOnly(path);
            DatabaseSchema.Check(reader, path);
            ReadEveryCollection(reader);
        }
        catch (IOException ex)
        {
            throw new DatabaseUnavailableException($"Cannot read the database {path}: {StorageErrors.Describe(ex)} It was left untouched.", ex);
        }
        catch (Exception ex) when (IsDamage(ex))
        {
            throw Damaged(path, ex);
        }
    }

    // A damaged file surfaces as LiteException, but also as argument, cast or overflow errors
    // thrown from deep inside the page reader.
    public static bool IsDamage(Exception ex) =>
        ex is not (DatabaseUnavailableException or OutOfMemoryException or OperationCanceledException or IOException or UnauthorizedAccessException);

    public static DatabaseUnavailableException Damaged(string path, Exception ex) => new(
        $"{path} cannot be read as a NewsBot database ({ex.Message}). It was left untouched. Restore a copy, move it away to start afresh, or set NewsBot:DataDirectory to another folder.",
        ex);

    private static void CheckAccess(string path, FileAccess access)
    {
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            using var _ = new FileStream(path, FileMode.Open, access, FileShare.ReadWrite | FileShare.Delete, 1);
        }
        catch (UnauthorizedAccessException ex)
        {
            var what = access == FileAccess.Read ? "read" : "write";
            throw new DatabaseUnavailableException(
                $"NewsBot may not {what} {path}: permission denied for user {Environment.UserName}. The file was left untouched. Give that user read and write access to it (chown or chmod), or set NewsBot:DataDirectory to another folder.", ex);
        }
    }

    // A first read of every collection finds damage now rather than in the middle of a command.
    private static void ReadEveryCollection(LiteDatabase database)
    {
        foreach (var name in database.GetCollectionNames())
        {
            _ = database.GetCollection(name).Count();
        }
    }
}
