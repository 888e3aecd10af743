namespace NewsBot.Benchmarks;

/// <summary>A fresh folder under the system temp directory for one run, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    private static readonly string Parent = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "newsbot-bench");

    public TempFolder(string scenario)
    {
        Path = System.IO.Path.Combine(Parent, scenario + "-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
            if (!Directory.EnumerateFileSystemEntries(Parent).Any())
            {
                Directory.Delete(Parent);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Cleaning up must not hide the run's own outcome; say what is left behind.
            Console.Error.WriteLine($"Could not delete the temporary folder {Path}: {ex.Message}");
        }
    }
}
