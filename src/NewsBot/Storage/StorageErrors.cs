namespace NewsBot.Storage;

/// <summary>Turns the operating system's file errors into sentences an operator can act on.</summary>
internal static class StorageErrors
{
    // errno values .NET carries in HResult on Linux and macOS when it has no better exception.
    private const int NoSpace = 28;
    private const int QuotaExceeded = 122;

    public static bool IsDiskFull(IOException ex) =>
        (ex.HResult & 0xFFFF) is NoSpace or QuotaExceeded
        || ex.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase)
        || ex.Message.Contains("quota", StringComparison.OrdinalIgnoreCase)
        || ex.Message.Contains("not enough space on the disk", StringComparison.OrdinalIgnoreCase);

    public static string Describe(IOException ex) =>
        IsDiskFull(ex)
            ? "the disk is full (no space left on the device). Free some space, then start NewsBot again."
            : ex.Message.TrimEnd('.') + ".";
}
