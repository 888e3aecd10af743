namespace NewsBot.Monitoring;

/// <summary>
/// The outbox is not stuck: for each connected platform, nothing has been due for a quarter of
/// an hour while no send to that platform settled in the same time. A long fan-out paced at the
/// platform's limits keeps sending and passes; a dispatcher that stopped does not. Among
/// instances sharing a database, only the one that holds a platform's dispatching answers for
/// it: the others send nothing there, and are not stuck for that.
/// </summary>
internal sealed class OutboxCheck(IEnumerable<IChatSender> senders, IOutboxStore outbox, DeliveryHistory history, RoleKeeper roles, TimeProvider time) : IReadinessCheck
{
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(15);

    public string Name => "outbox";

    public async ValueTask<CheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var pending = await outbox.CountPendingAsync(cancellationToken).ConfigureAwait(false);
        foreach (var platform in senders.Select(s => s.Platform).Distinct(StringComparer.Ordinal).Where(p => roles.Held(RoleNames.Dispatching(p)) is not null))
        {
            var overdue = await outbox.DueAsync(platform, now - StuckAfter, 1, cancellationToken).ConfigureAwait(false);
            var lastSettled = history.LastSettled(platform);
            if (overdue.Count > 0 && (lastSettled is null || now - lastSettled > StuckAfter))
            {
                return CheckResult.Fail(
                    $"{pending} pending; a {platform} message has been due since {overdue[0].NextAttemptAt:u} and nothing was sent to {platform} for {(int)StuckAfter.TotalMinutes} min");
            }
        }

        return CheckResult.Pass($"{pending} pending");
    }
}
