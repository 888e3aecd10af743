namespace NewsBot.Storage.Postgres;

/// <summary>
/// Prepares the schema before anything else starts, so a server that cannot be reached, a
/// refused login or a newer schema stops start-up with its message before any work begins.
/// </summary>
internal sealed class PostgresSchemaService(PostgresDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.EnsureSchemaAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
