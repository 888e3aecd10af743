namespace NewsBot.Storage;

/// <summary>
/// The lock file a running NewsBot holds beside its database (<c>newsbot.db.lock</c>), taken the
/// same way <see cref="NewsBotDatabase"/> takes it, for the verbs that must not run beside a bot.
/// </summary>
internal static class DatabaseLock
{
    /// <summary>Takes the lock of the database at <paramref name="databasePath"/>; null when another process holds it.</summary>
    public static FileStream? TryTake(string databasePath)
    {
        try
        {
            return new FileStream(databasePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>True while another process holds the lock (the lock is let go again at once).</summary>
    public static bool IsHeld(string databasePath)
    {
        using var taken = TryTake(databasePath);
        return taken is null;
    }
}
