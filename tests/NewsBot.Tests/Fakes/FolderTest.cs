namespace NewsBot.Tests.Fakes;

/// <summary>A test class whose every test works in a fresh <see cref="TempDirectory"/>, deleted after the test.</summary>
public abstract class FolderTest : IDisposable
{
    protected TempDirectory Folder { get; } = new();

    public void Dispose()
    {
        Folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
