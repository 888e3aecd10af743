namespace NewsBot.Tests.Storage.Contract;

/// <summary>
/// What every store port promises, whichever database keeps it. Each contract is written once
/// and run by two classes: one on LiteDB, one on a real PostgreSQL server.
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = TestBot.Now;
    protected static readonly CancellationToken None = CancellationToken.None;

    private readonly StoreFactory _factory;
    private StoreSet? _stores;

    private protected StoreContract(StoreFactory factory) => _factory = factory;

    private protected StoreSet Stores => _stores ?? throw new InvalidOperationException("The stores are made in InitializeAsync.");

    public async Task InitializeAsync() => _stores = await _factory.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_stores is not null)
        {
            await _stores.DisposeAsync();
        }
    }
}
