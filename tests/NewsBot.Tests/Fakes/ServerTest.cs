namespace NewsBot.Tests.Fakes;

/// <summary>
/// A test class whose every test works in a fresh temp folder beside a server of its own (a fake
/// platform, a database), started before the test by <paramref name="start"/> and disposed after it.
/// </summary>
public abstract class ServerTest<TServer>(Func<Task<TServer>> start) : FolderTest, IAsyncLifetime
    where TServer : IAsyncDisposable
{
    protected TServer Server { get; private set; } = default!;

    public async Task InitializeAsync() => Server = await start();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
