namespace NewsBot.Hosting;

/// <summary>Prunes old articles shortly after start and then every few hours.</summary>
internal sealed class RetentionService(ArticlePruner pruner, TimeProvider time, ILogger<RetentionService> logger, RoleKeeper roles, RoleContext context)
    : PeriodicService(Every, time, logger, roles, context)
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(6);

    protected override string? Role => RoleNames.Retention;

    protected override string Work => "Pruning old articles";

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => pruner.PruneAsync(cancellationToken);
}
