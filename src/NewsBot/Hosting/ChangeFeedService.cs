using NewsBot.Core.Changes;

namespace NewsBot.Hosting;

/// <summary>
/// Follows the database's change feed, so this instance answers with what any instance stored a
/// moment earlier. At start it notes the newest change before the index, the subscriptions and
/// the chats are read (it is registered before their loaders); once the host has started it
/// applies what came after, then follows.
/// </summary>
internal sealed class ChangeFeedService(ChangeFollower follower, IHostApplicationLifetime lifetime) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await follower.MarkAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        await follower.FollowAsync(stoppingToken).ConfigureAwait(false);
    }
}
