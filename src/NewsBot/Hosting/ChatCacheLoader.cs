namespace NewsBot.Hosting;

/// <summary>Fills the chats held in memory from the database before any article is read or any chat answered.</summary>
internal sealed class ChatCacheLoader(ChatLifecycle chats) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => chats.RebuildAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
