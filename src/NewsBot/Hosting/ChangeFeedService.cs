using NewsBot.Core.Changes;

namespace NewsBot.Hosting;

/// <summary>
/// Follows the database's change feed, so this instance answers with what any instance stored a
/// moment earlier. At start it notes the newest change before the index, the subscriptions and
/// the chats are read (it is registered before their loaders); once the host has started it
/// applies what came after, then follows. An instance that fell behind what the feed keeps
/// stops with <see cref="RestartExitCode"/>, so its service manager starts it afresh.
/// </summary>
internal sealed class ChangeFeedService(ChangeFollower follower, IHostApplicationLifetime lifetime, ILogger<ChangeFeedService> logger) : BackgroundService
{
    /// <summary>The exit code that asks the service manager for a restart (the units restart on failure, except 2).</summary>
    public const int RestartExitCode = 3;

    /// <summary>This instance missed changes that were pruned meanwhile; it stopped to start again.</summary>
    public bool FellBehind { get; private set; }

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

        try
        {
            await follower.FollowAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (ChangeFeedGapException ex)
        {
            FellBehind = true;
            logger.LogFellBehind(ex.Message, RestartExitCode);
            lifetime.StopApplication();
        }
    }
}
