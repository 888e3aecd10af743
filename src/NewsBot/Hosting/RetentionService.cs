using NewsBot.Core.Changes;

namespace NewsBot.Hosting;

/// <summary>Prunes old articles shortly after start and then every few hours, and on PostgreSQL the old changes of the change feed.</summary>
internal sealed class RetentionService(ArticlePruner pruner, TimeProvider time, ILogger<RetentionService> logger, RoleKeeper roles, RoleContext context, ChangePruner? changes = null)
    : PeriodicService(Every, RoleNames.Retention, "Pruning old articles and changes", time, logger, roles, context)
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(6);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await pruner.PruneAsync(cancellationToken).ConfigureAwait(false);
        if (changes is not null)
        {
            await changes.PruneAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
