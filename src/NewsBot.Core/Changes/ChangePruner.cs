namespace NewsBot.Core.Changes;

/// <summary>
/// Deletes the changes no instance needs any more: those older than
/// <c>Scaling:ChangeRetentionHours</c>, far longer than a following instance takes to catch up
/// (a few seconds). Runs with retention, in batches, so no statement holds the table for long.
/// </summary>
public sealed class ChangePruner(IChangeFeed feed, IOptions<ScalingOptions> options, ILogger<ChangePruner> logger)
{
    /// <summary>Changes deleted by one statement at most.</summary>
    public const int DefaultBatch = 5000;

    public async Task<int> PruneAsync(CancellationToken cancellationToken, int batch = DefaultBatch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        var age = options.Value.ChangeRetention;
        var pruned = 0;
        int deleted;
        do
        {
            deleted = await feed.PruneAsync(age, batch, cancellationToken).ConfigureAwait(false);
            pruned += deleted;
        }
        while (deleted == batch);

        if (pruned > 0)
        {
            logger.LogPruned(pruned, age);
        }

        return pruned;
    }
}
