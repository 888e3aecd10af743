namespace NewsBot.Monitoring;

/// <summary>
/// The outbox is not stuck: for each connected platform, nothing has been due for a quarter of
/// an hour while no send to that platform settled in the same time. A long fan-out paced at the
/// platform's limits keeps sending and passes; a dispatcher that stopped does not.
/// </summary>
internal sealed class OutboxCheck(IEnumerable<IChatSender> senders, IOutboxStore outbox, DeliveryHistory history, TimeProvider time) : IReadinessCheck
{
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(15);

    public string Name => "outbox";

    public async ValueTask<CheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var pending = await outbox.CountPendingAsync(cancellationToken).ConfigureAwait(false);
        foreach (var platform in senders.Select(s => s.Platform).Distinct(StringComparer.Ordinal))
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
