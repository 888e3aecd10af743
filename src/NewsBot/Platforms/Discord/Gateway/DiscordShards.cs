namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>
/// Runs the bot's gateway shards (<c>Discord:ShardCount</c>, or Discord's recommendation). Each
/// shard is a role: among the instances sharing a database one holds it and keeps its
/// connection; when that instance dies, its lease runs out and another takes the shard over
/// with a new session. Identifies are spaced by <see cref="IdentifyTurns"/>. On a database of
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
        try
        {
            var count = await CountAsync(stoppingToken).ConfigureAwait(false);
            Volatile.Write(ref _count, count);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAll(Enumerable.Range(0, count).Select(id => Task.Run(() => RunShardAsync(new GatewayShard(id, count), stop), CancellationToken.None))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        if (StopReason is null)
        {
            Volatile.Write(ref _stopReason, GatewayStopReason.Shutdown);
        }
    }

    private async Task RunShardAsync(GatewayShard shard, CancellationTokenSource stop)
    {
        var role = RoleNames.DiscordShard(shard.Id, shard.Count);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var hold = await roles.HoldAsync(role, stop.Token).ConfigureAwait(false);
                using var tenure = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, hold.Lost);
                var client = new DiscordGatewayClient(options, botSource, handler, time, clientLogger, timings, metrics, shard, turns);
                _held[shard.Id] = client;
                _latest[shard.Id] = client;
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
                    _held.TryRemove(new KeyValuePair<int, DiscordGatewayClient>(shard.Id, client));
                }

                if (client.StopReason is { IsFatal: true } refused)
                {
                    Interlocked.CompareExchange(ref _stopReason, refused, null);
                    await stop.CancelAsync().ConfigureAwait(false);
                    return;
                }

                // The tenure ended (another instance holds the shard now) or the process stops.
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down, or another shard was refused.
        }
    }

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
