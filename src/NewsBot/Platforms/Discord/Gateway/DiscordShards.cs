namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>
/// Runs the bot's gateway shards (<c>Discord:ShardCount</c>, or Discord's recommendation). Each
/// shard is a role: among the instances sharing a database one holds it and keeps its
/// connection; when that instance dies, its lease runs out and another takes the shard over
/// with a new session. Instances share the shards out evenly (<see cref="ShardShare"/>): each
/// marks itself as running shards, takes free shards only up to its share, and hands back the
/// ones above it when another instance joins. Identifies are spaced by <see cref="IdentifyTurns"/>. On a database of
/// its own, the process holds every shard, and one shard is one connection, as without sharding.
/// When Discord refuses the bot on any shard, every shard stops.
/// </summary>
internal sealed class DiscordShards(
    IOptions<DiscordOptions> options,
    IGatewayBotSource botSource,
    IDiscordDispatchHandler handler,
    RoleKeeper roles,
    IdentifyTurns turns,
    GatewayTimings timings,
    TimeProvider time,
    ILogger<DiscordGatewayClient> clientLogger,
    ILogger<DiscordShards> logger,
    NewsBot.Core.Telemetry.NewsBotMetrics? metrics = null)
{
    private readonly ConcurrentDictionary<int, DiscordGatewayClient> _held = new();
    private readonly ConcurrentDictionary<int, DiscordGatewayClient> _latest = new();
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _handBack = new();
    private readonly Lock _claims = new();
    private TaskCompletionSource _roomChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _claimed;
    private int _share;
    private GatewayStopReason? _stopReason;
    private int _count;

    /// <summary>How many shards the bot runs; 0 until known.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Why the shards stopped for good; null while they run or wait for their turn.</summary>
    public GatewayStopReason? StopReason => Volatile.Read(ref _stopReason);

    /// <summary>The connections this instance holds now, by shard.</summary>
    public IReadOnlyList<DiscordGatewayClient> Held => _held.Values.OrderBy(c => c.Shard.Id).ToList();

    /// <summary>The last connection this instance made for <paramref name="shard"/>, held or ended; null before any.</summary>
    public DiscordGatewayClient? Connection(int shard) => _latest.GetValueOrDefault(shard);

    /// <summary>Runs until stopped, or until Discord refuses the bot (<see cref="StopReason"/>).</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var presence = RoleNames.DiscordInstance(roles.InstanceId);
        var balanced = false;
        try
        {
            var count = await CountAsync(stoppingToken).ConfigureAwait(false);
            Volatile.Write(ref _count, count);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            balanced = roles.Shared && count > 1;
            var balancing = Task.CompletedTask;
            if (balanced)
            {
                // Shares are known before any shard is asked for, so a first instance does not take them all.
                await BalanceAsync(presence, count, stop.Token).ConfigureAwait(false);
                balancing = Task.Run(() => KeepBalancingAsync(presence, count, stop.Token), CancellationToken.None);
            }

            var shards = Enumerable.Range(0, count).Select(id => Task.Run(() => RunShardAsync(new GatewayShard(id, count), balanced, stop), CancellationToken.None));
            await Task.WhenAll(shards).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            await balancing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            if (balanced)
            {
                // The others share the shards among themselves at once, as after an orderly stop.
                await roles.ReleaseAsync(presence, CancellationToken.None).ConfigureAwait(false);
            }
        }

        if (StopReason is null)
        {
            Volatile.Write(ref _stopReason, GatewayStopReason.Shutdown);
        }
    }

    private async Task RunShardAsync(GatewayShard shard, bool balanced, CancellationTokenSource stop)
    {
        var role = RoleNames.DiscordShard(shard.Id, shard.Count);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                RoleHold hold;
                if (!balanced)
                {
                    hold = await roles.HoldAsync(role, stop.Token).ConfigureAwait(false);
                }
                else if (await TakeWithinShareAsync(role, stop.Token).ConfigureAwait(false) is { } taken)
                {
                    hold = taken;
                }
                else
                {
                    continue;
                }

                using var handBack = new CancellationTokenSource();
                using var tenure = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, hold.Lost, handBack.Token);
                var client = new DiscordGatewayClient(options, botSource, handler, time, clientLogger, timings, metrics, shard, turns);
                _held[shard.Id] = client;
                _latest[shard.Id] = client;
                _handBack[shard.Id] = handBack;
                if (shard.Count > 1)
                {
                    logger.LogShardStarting(shard, roles.InstanceId);
                }

                try
                {
                    await client.RunAsync(tenure.Token).ConfigureAwait(false);
                }
                finally
                {
                    _handBack.TryRemove(new KeyValuePair<int, CancellationTokenSource>(shard.Id, handBack));
                    _held.TryRemove(new KeyValuePair<int, DiscordGatewayClient>(shard.Id, client));
                    if (balanced)
                    {
                        Unclaim();
                    }
                }

                if (client.StopReason is { IsFatal: true } refused)
                {
                    Interlocked.CompareExchange(ref _stopReason, refused, null);
                    await stop.CancelAsync().ConfigureAwait(false);
                    return;
                }

                if (handBack.IsCancellationRequested && !stop.IsCancellationRequested)
                {
                    // Closed first, then let go, so the next holder's session never overlaps this one.
                    await roles.ReleaseAsync(role, stop.Token).ConfigureAwait(false);
                    logger.LogHandedOver(shard, roles.InstanceId);
                }

                // The tenure ended (another instance holds the shard now), it was handed over, or the process stops.
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down, or another shard was refused.
        }
    }

    /// <summary>
    /// Takes the shard if this instance holds fewer than its share and the shard is free; null
    /// after waiting for the next chance otherwise (a change of the share, a shard let go here,
    /// or the shard's lease running out).
    /// </summary>
    private async Task<RoleHold?> TakeWithinShareAsync(string role, CancellationToken cancellationToken)
    {
        var roomChanged = Volatile.Read(ref _roomChanged).Task;
        if (!TryClaim())
        {
            await Task.WhenAny(roomChanged, Task.Delay(roles.RenewEvery, time, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return null;
        }

        RoleHold? hold = null;
        try
        {
            hold = await roles.TryHoldAsync(role, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (hold is null)
            {
                Unclaim();
            }
        }

        if (hold is null)
        {
            await Task.Delay(await roles.AskAgainInAsync(role, cancellationToken).ConfigureAwait(false), time, cancellationToken).ConfigureAwait(false);
        }

        return hold;
    }

    private async Task KeepBalancingAsync(string presence, int count, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(roles.RenewEvery, time, cancellationToken).ConfigureAwait(false);
                await BalanceAsync(presence, count, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The shards stop.
        }
    }

    /// <summary>
    /// Marks this instance as running shards, reads which others do, and sets this instance's
    /// share: it hands back the shards above it (the highest first) for others to take, and takes
    /// free ones up to it. A dead instance's mark runs out with its shards' leases, so the others'
    /// shares grow and they take its shards over.
    /// </summary>
    private async Task BalanceAsync(string presence, int count, CancellationToken cancellationToken)
    {
        IReadOnlyList<RoleHolder> holders;
        try
        {
            if (await roles.TryHoldAsync(presence, cancellationToken).ConfigureAwait(false) is null)
            {
                return;
            }

            holders = await roles.HoldersAsync(cancellationToken).ConfigureAwait(false);
            foreach (var gone in holders.Where(h => h.Expired && h.Role.StartsWith(RoleNames.DiscordInstancePrefix, StringComparison.Ordinal)))
            {
                await roles.ForgetAsync(gone.Role, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The shares stay as they were; the leases tell whether the database is back.
            return;
        }

        var running = holders.Where(h => !h.Expired && h.Role.StartsWith(RoleNames.DiscordInstancePrefix, StringComparison.Ordinal)).Select(h => h.Owner).ToList();
        var share = ShardShare.Of(roles.InstanceId, running, count);
        if (Interlocked.Exchange(ref _share, share) != share)
        {
            logger.LogShare(roles.InstanceId, share, count, running.Append(roles.InstanceId).Distinct(StringComparer.Ordinal).Count());
            SignalRoom();
        }

        lock (_claims)
        {
            foreach (var over in _handBack.OrderByDescending(h => h.Key).Take(Math.Max(0, _claimed - share)).Select(h => h.Value))
            {
                try
                {
                    over.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // Its connection ended meanwhile.
                }
            }
        }
    }

    /// <summary>Counts a shard being taken here, if that stays within this instance's share.</summary>
    private bool TryClaim()
    {
        lock (_claims)
        {
            if (_claimed >= Volatile.Read(ref _share))
            {
                return false;
            }

            _claimed++;
            return true;
        }
    }

    private void Unclaim()
    {
        lock (_claims)
        {
            _claimed--;
        }

        SignalRoom();
    }

    /// <summary>Wakes the shards waiting for room in this instance's share.</summary>
    private void SignalRoom() =>
        Interlocked.Exchange(ref _roomChanged, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary><c>Discord:ShardCount</c>, or Discord's recommendation, asked until Discord answers.</summary>
    private async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ShardCount > 0)
        {
            return options.Value.ShardCount;
        }

        var backoff = new ReconnectBackoff(timings.ReconnectBaseDelay, timings.ReconnectMaxDelay, timings.ReconnectJitter, timings.Random);
        while (true)
        {
            try
            {
                return Math.Max(1, (await botSource.GetGatewayBotAsync(cancellationToken).ConfigureAwait(false)).Shards);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var token = options.Value.Token.Trim();
                logger.LogCountUnknown(token.Length == 0 ? ex.Message : ex.Message.Replace(token, "[redacted]", StringComparison.Ordinal));
            }

            await Task.Delay(backoff.NextDelay(), time, cancellationToken).ConfigureAwait(false);
        }
    }
}
