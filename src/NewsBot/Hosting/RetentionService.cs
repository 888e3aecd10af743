namespace NewsBot.Hosting;

/// <summary>Prunes old articles shortly after start and then every few hours.</summary>
internal sealed class RetentionService(ArticlePruner pruner, TimeProvider time, ILogger<RetentionService> logger)
    : PeriodicService(Every, time, logger)
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(6);

    protected override string Work => "Pruning old articles";

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => pruner.PruneAsync(cancellationToken);
}
