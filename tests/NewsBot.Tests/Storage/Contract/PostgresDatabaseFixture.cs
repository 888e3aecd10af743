namespace NewsBot.Tests.Storage.Contract;

/// <summary>One database of its own for each test class, so classes run side by side; dropped after the class.</summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private TemporaryPostgresDatabase? _database;

    internal StoreFactory Stores => new PostgresStores(_database ?? throw new InvalidOperationException("The database was not made."));

    public async Task InitializeAsync() => _database = await PostgresServer.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
