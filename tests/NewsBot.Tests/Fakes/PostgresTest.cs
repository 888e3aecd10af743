using Microsoft.Extensions.Logging.Abstractions;
using NewsBot.Storage.Postgres;

namespace NewsBot.Tests.Fakes;

/// <summary>
/// A test class whose every test has a new PostgreSQL database of its own: <see cref="Server"/>
/// to look into it as a test does, <see cref="Database"/> as the stores use it, its writes
/// fenced by <see cref="Roles"/>.
/// </summary>
public abstract class PostgresTest : IAsyncLifetime, IDisposable
{
    protected TemporaryPostgresDatabase Server { get; private set; } = null!;

    internal PostgresDatabase Database { get; private set; } = null!;

    /// <summary>The role the database's writes are made for, when the tests fence them.</summary>
    protected RoleContext Roles { get; } = new();

    public async Task InitializeAsync()
    {
        Server = await PostgresServer.CreateDatabaseAsync();
        Database = new PostgresDatabase(Server.ConnectionString, NullLogger<PostgresDatabase>.Instance, Roles);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Dispose()
    {
        Database?.Dispose();
        GC.SuppressFinalize(this);
    }
}
