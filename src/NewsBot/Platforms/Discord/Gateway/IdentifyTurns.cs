namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>
/// Spaces identifies across every shard of this process and, on a shared database, across every
/// instance: in each of Discord's identify buckets (shard id modulo max_concurrency) one identify
/// per window. Across instances the turn is a lease on the bucket for one window, taken under an
/// owner name used once, so nobody renews it and the next identify in the bucket waits until it
/// runs out by the database's clock.
/// </summary>
internal sealed class IdentifyTurns(IRoleLeases leases, InstanceIdentity instance, GatewayTimings timings, TimeProvider time, ILogger<IdentifyTurns> logger)
{
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _buckets = new();
    private readonly ConcurrentDictionary<int, DateTimeOffset> _last = new();
    private long _turns;

    /// <summary>Waits for this process's and then every instance's turn in <paramref name="bucket"/>.</summary>
    public async Task WaitAsync(int bucket, CancellationToken cancellationToken)
    {
        var window = timings.IdentifyWindow;
        var gate = _buckets.GetOrAdd(bucket, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_last.TryGetValue(bucket, out var last) && last + window - time.GetUtcNow() is { Ticks: > 0 } left)
            {
                await Task.Delay(left, time, cancellationToken).ConfigureAwait(false);
            }

            if (leases.Shared)
            {
                await WaitForSharedTurnAsync(bucket, window, cancellationToken).ConfigureAwait(false);
            }

            _last[bucket] = time.GetUtcNow();
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task WaitForSharedTurnAsync(int bucket, TimeSpan window, CancellationToken cancellationToken)
    {
        var role = RoleNames.DiscordIdentify(bucket);
        var turn = $"{instance.Id} identify {Interlocked.Increment(ref _turns).ToString(CultureInfo.InvariantCulture)}";
        var failing = false;
        while (true)
        {
            try
            {
                if (await leases.AcquireAsync(role, turn, window, time.GetUtcNow() + window, cancellationToken).ConfigureAwait(false) is not null)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Nobody can be told of an identify meanwhile, so none is made.
                if (!failing)
                {
                    failing = true;
                    logger.LogAskFailed(bucket, ex.Message);
                }
            }

            // Another instance identified in this bucket less than a window ago.
            await Task.Delay(window / 4, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
