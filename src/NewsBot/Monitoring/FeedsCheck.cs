namespace NewsBot.Monitoring;

/// <summary>
/// The feed reader keeps up: no enabled source has been due for longer than a poll interval
/// (at least five minutes). A stalled reader shows up here even when it logs nothing.
/// </summary>
internal sealed class FeedsCheck(ISourceStore sources, IOptionsMonitor<FeedsOptions> options, TimeProvider time) : IReadinessCheck
{
    private static readonly TimeSpan LeastSlack = TimeSpan.FromMinutes(5);

    public string Name => "feeds";

    public async ValueTask<CheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var enabled = (await sources.AllAsync(cancellationToken).ConfigureAwait(false)).Where(s => s.Enabled).ToList();
        if (enabled.Count == 0)
        {
            return CheckResult.Pass("no enabled sources");
        }

        var slack = options.CurrentValue.PollInterval > LeastSlack ? options.CurrentValue.PollInterval : LeastSlack;
        var late = enabled.Where(s => s.NextPollAt is { } due && now - due > slack).OrderBy(s => s.NextPollAt).FirstOrDefault();
        if (late is not null)
        {
            return CheckResult.Fail($"source #{late.Id} {late.Name} has waited {Describe(now - late.NextPollAt!.Value)} past its time; the feed reader is not keeping up");
        }

        var lastRead = enabled.Max(s => s.LastAttemptAt);
        return CheckResult.Pass(lastRead is null
            ? $"{enabled.Count} sources, none read yet"
            : $"{enabled.Count} sources, last read {Describe(now - lastRead.Value)} ago");
    }

    internal static string Describe(TimeSpan span) =>
        span < TimeSpan.FromMinutes(2) ? $"{Math.Max(0, (int)span.TotalSeconds)} s"
        : span < TimeSpan.FromHours(2) ? $"{(int)span.TotalMinutes} min"
        : $"{span.TotalHours:0.#} h";
}
