namespace NewsBot.Tests.Fakes;

/// <summary>
/// A real, small file system (a tmpfs mounted on a temp folder) that a test can fill up and
/// free again, for what NewsBot does when the disk is full. Mounting needs root, as .ci/run has.
/// </summary>
public sealed class TinyDisk : IDisposable
{
    private readonly TempDirectory _mountPoint = new();

    public TinyDisk(int megabytes = 8)
    {
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", _mountPoint.Path);
        if (code != 0)
        {
            _mountPoint.Dispose();
            throw new InvalidOperationException(
                $"This test needs a small tmpfs to fill up, and mounting one failed ({output.Trim()}). Run the tests as root (as .ci/run does on its machine).");
        }
    }

    public string Path => _mountPoint.Path;

    private string Filler => System.IO.Path.Combine(Path, "filler");

    /// <summary>Writes until the disk says it is full.</summary>
    public void Fill()
    {
        using var stream = new FileStream(Filler, FileMode.Append, FileAccess.Write, FileShare.None, 1);
        var block = new byte[64 * 1024];
        try
        {
            while (true)
            {
                stream.Write(block);
                stream.Flush();
            }
        }
        catch (IOException)
        {
            // Full.
        }

        // Fill the last crumbs too, a byte at a time.
        try
        {
            while (true)
            {
                stream.WriteByte(0);
                stream.Flush();
            }
        }
        catch (IOException)
        {
            // Completely full.
        }
    }

    public void Free() => File.Delete(Filler);

    public void Dispose()
    {
        Run("umount", "-l", Path);
        _mountPoint.Dispose();
    }

    private static (int Code, string Output) Run(string file, params string[] arguments)
    {
        try
        {
            return ExternalTool.Run(file, arguments);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
