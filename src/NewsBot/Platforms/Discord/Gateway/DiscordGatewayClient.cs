using System.Net.WebSockets;
using System.Threading.Channels;

namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>
/// NewsBot's Discord Gateway v10 client. <see cref="RunAsync"/> connects, identifies (or resumes),
/// heartbeats, hands dispatch events to <see cref="IDiscordDispatchHandler"/> on a separate task,
/// and reconnects as Discord's close codes and opcodes ask, until the host stops or Discord
/// refuses the bot for good (bad token, disallowed intents…), which ends Discord alone with one
/// error line while the rest of the process keeps running.
/// </summary>
internal sealed class DiscordGatewayClient
{
    /// <summary>Failed connects to the resume URL in a row after which the session is given up for a new one.</summary>
    private const int MaxUnreachableResumes = 2;

    private readonly string _token;
    private readonly Uri? _gatewayUrlOverride;
    private readonly IGatewayBotSource _botSource;
    private readonly IDiscordDispatchHandler _handler;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordGatewayClient> _logger;
    private readonly GatewayTimings _timings;
    private readonly ReconnectBackoff _backoff;
    private readonly IdentifyGate _identifyGate;
    private readonly Channel<GatewayFrame> _dispatches;
    private readonly Lock _sessionLock = new();
    private Uri? _discoveredUrl;
    private string? _sessionId;
    private Uri? _resumeUrl;
    private long? _lastSequence;
    private int _status = (int)GatewayStatus.NotStarted;
    private GatewayStopReason? _stopReason;
    private int _started;
    private long _heartbeatsAcknowledged;
    private readonly NewsBot.Core.Telemetry.NewsBotMetrics? _metrics;
    private readonly IdentifyTurns? _turns;
    private int _connections;
    private int _maxConcurrency = 1;

    public DiscordGatewayClient(
        IOptions<DiscordOptions> options,
        IGatewayBotSource botSource,
        IDiscordDispatchHandler handler,
        TimeProvider time,
        ILogger<DiscordGatewayClient> logger,
        GatewayTimings? timings = null,
        NewsBot.Core.Telemetry.NewsBotMetrics? metrics = null,
        GatewayShard? shard = null,
        IdentifyTurns? turns = null)
    {
        _metrics = metrics;
        Shard = shard ?? GatewayShard.Only;
        _turns = turns;
        _token = options.Value.Token.Trim();
        var overrideUrl = options.Value.GatewayUrl?.Trim();
        _gatewayUrlOverride = string.IsNullOrEmpty(overrideUrl) ? null : new Uri(overrideUrl, UriKind.Absolute);
        _botSource = botSource;
        _handler = handler;
        _time = time;
        _logger = logger;
        _timings = timings ?? new GatewayTimings();
        _backoff = new ReconnectBackoff(_timings.ReconnectBaseDelay, _timings.ReconnectMaxDelay, _timings.ReconnectJitter, _timings.Random);
        _identifyGate = new IdentifyGate(time, _timings.IdentifyWindow);
        _dispatches = Channel.CreateBounded<GatewayFrame>(new BoundedChannelOptions(_timings.DispatchQueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public GatewayStatus Status => (GatewayStatus)Volatile.Read(ref _status);

    /// <summary>Which of the bot's gateway connections this client is.</summary>
    public GatewayShard Shard { get; }

    /// <summary>Why the client stopped; null while it runs.</summary>
    public GatewayStopReason? StopReason => Volatile.Read(ref _stopReason);

    public string? SessionId
    {
        get
        {
            lock (_sessionLock)
            {
                return _sessionId;
            }
        }
    }

    /// <summary>The last sequence number received (the <c>s</c> of a dispatch); null before any.</summary>
    public long? LastSequence
    {
        get
        {
            lock (_sessionLock)
            {
                return _lastSequence;
            }
        }
    }

    /// <summary>Heartbeat ACKs received since the client started; a number that stops growing means a dead connection.</summary>
    public long HeartbeatsAcknowledged => Interlocked.Read(ref _heartbeatsAcknowledged);

    /// <summary>The wait before the first heartbeat of a connection: the interval times a jitter in [0, 1).</summary>
    public static TimeSpan FirstHeartbeatDelay(TimeSpan interval, double jitter) =>
        TimeSpan.FromTicks(Math.Clamp((long)Math.Floor(interval.Ticks * Math.Clamp(jitter, 0, 1)), 0, Math.Max(0, interval.Ticks - 1)));

    /// <summary>
    /// Runs the gateway until <paramref name="stoppingToken"/> is cancelled (the connection is then
    /// closed with 1000, which ends the session) or Discord refuses the bot (see <see cref="StopReason"/>).
    /// Returns normally in both cases.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("The Discord gateway client runs once; create another to run again.");
        }

        var consumer = Task.Run(() => ConsumeDispatchesAsync(stoppingToken), CancellationToken.None);
        try
        {
            await RunConnectionsAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down between connections.
        }
        finally
        {
            if (StopReason is null)
            {
                Stop(GatewayStopReason.Shutdown);
            }

            _dispatches.Writer.TryComplete();
            await consumer.ConfigureAwait(false);
        }
    }

    private async Task RunConnectionsAsync(CancellationToken stoppingToken)
    {
        var wait = TimeSpan.Zero;
        var unreachableResumes = 0;
        while (true)
        {
            if (wait > TimeSpan.Zero)
            {
                SetStatus(GatewayStatus.WaitingToReconnect);
                await Task.Delay(wait, _time, stoppingToken).ConfigureAwait(false);
            }

            stoppingToken.ThrowIfCancellationRequested();
            Uri? url;
            bool resume;
            lock (_sessionLock)
            {
                resume = _sessionId is not null;
                url = _resumeUrl;
            }

            if (!resume || url is null)
            {
                resume = false;
                url = await PrepareIdentifyAsync(stoppingToken).ConfigureAwait(false);
                if (url is null)
                {
                    wait = _backoff.NextDelay();
                    continue;
                }
            }

            ConnectionEnd end;
            try
            {
                end = await RunConnectionAsync(url, resume, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // An unforeseen failure costs one connection, never the process.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogConnectionCrashed(Redact(ex.ToString()));
                end = new ConnectionEnd(resume ? GatewayCloseAction.Resume : GatewayCloseAction.Identify, "an unexpected failure");
            }

            if (end.IsShutdown)
            {
                return;
            }

            if (end.Action == GatewayCloseAction.Stop)
            {
                _logger.LogGatewayClosed(GatewayClosePolicy.Describe(end.CloseCode));
                Stop(new GatewayStopReason(end.CloseCode));
                return;
            }

            unreachableResumes = resume && end.ConnectFailed ? unreachableResumes + 1 : 0;
            if (unreachableResumes >= MaxUnreachableResumes)
            {
                // The session may still live, but a resume URL that cannot be reached is no use.
                unreachableResumes = 0;
                end = end with { Action = GatewayCloseAction.Identify, Why = end.Why + "; the resume URL is unreachable, so a new session starts" };
            }

            if (end.Action == GatewayCloseAction.Identify)
            {
                ForgetSession();
            }

            wait = end.WaitBeforeIdentify ? InvalidSessionDelay() : _backoff.NextDelay();
            _logger.LogConnectionEnded(end.IsClientFault ? LogLevel.Warning : LogLevel.Information, end.Why, end.Action == GatewayCloseAction.Resume && SessionId is not null ? "Resuming the session" : "Starting a new session", (long)wait.TotalMilliseconds);
        }
    }

    /// <summary>Asks where the gateway is and how many identifies are left, then waits for the identify gate.</summary>
    private async Task<Uri?> PrepareIdentifyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var info = await _botSource.GetGatewayBotAsync(cancellationToken).ConfigureAwait(false);
            _discoveredUrl = info.Url;
            _identifyGate.Update(info.SessionStartLimit);
            _maxConcurrency = Math.Max(1, info.SessionStartLimit.MaxConcurrency);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Whatever the REST side throws, the gateway retries later instead of dying.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogGatewayUnknown(Redact($"{ex.GetType().Name}: {ex.Message}"));
        }

        var url = _gatewayUrlOverride ?? _discoveredUrl;
        if (url is null)
        {
            return null;
        }

        if (_identifyGate.BlockedUntil is { } until)
        {
            _logger.LogIdentifyBlocked(until);
        }

        await _identifyGate.WaitForTurnAsync(cancellationToken).ConfigureAwait(false);
        if (_turns is not null)
        {
            await _turns.WaitAsync(Shard.Bucket(_maxConcurrency), cancellationToken).ConfigureAwait(false);
        }

        return url;
    }

    private async Task<ConnectionEnd> RunConnectionAsync(Uri url, bool resume, CancellationToken stoppingToken)
    {
        SetStatus(GatewayStatus.Connecting);
        if (Interlocked.Increment(ref _connections) > 1)
        {
            _metrics?.GatewayReconnected(NewsBot.Core.Chats.PlatformNames.Discord);
        }

        var target = WithGatewayQuery(url);
        GatewayConnection connection;
        try
        {
            using var handshake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            using var timeout = new CancellationTokenSource(_timings.HandshakeTimeout, _time);
            using var registration = timeout.Token.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), handshake);
            connection = await GatewayConnection.OpenAsync(target, _timings, _time, handshake.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or HttpRequestException or IOException)
        {
            return new ConnectionEnd(
                resume ? GatewayCloseAction.Resume : GatewayCloseAction.Identify,
                $"could not connect to {target.GetLeftPart(UriPartial.Path)} ({Redact(ex.Message)})",
                ConnectFailed: true);
        }

        using var context = new ConnectionContext(connection);
        using var shutdown = stoppingToken.Register(() => BeginClose(context, 1000, ConnectionEnd.Shutdown));
        using var helloTimer = _time.CreateTimer(
            _ => BeginClose(context, GatewayClosePolicy.ReconnectCloseCode, new ConnectionEnd(GatewayCloseAction.Resume, "no Hello arrived in time")),
            null,
            _timings.HandshakeTimeout,
            Timeout.InfiniteTimeSpan);
        try
        {
            return await ReceiveUntilClosedAsync(context, resume, helloTimer).ConfigureAwait(false);
        }
        finally
        {
            context.EndLifetime();
            await context.Heartbeat.ConfigureAwait(false);
            await context.Closing.ConfigureAwait(false);
        }
    }

    private async Task<ConnectionEnd> ReceiveUntilClosedAsync(ConnectionContext context, bool resume, ITimer helloTimer)
    {
        var connection = context.Connection;
        var helloSeen = false;
        while (true)
        {
            GatewayReceived received;
            try
            {
                received = await connection.ReceiveAsync(context.Lifetime).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return context.End ?? new ConnectionEnd(GatewayCloseAction.Resume, "the connection was dropped");
            }
            catch (WebSocketException ex)
            {
                return context.End ?? new ConnectionEnd(GatewayCloseAction.Resume, $"the connection dropped without a close code ({Redact(ex.Message)})");
            }
            catch (InvalidDataException ex)
            {
                connection.Abort();
                return context.End ?? new ConnectionEnd(GatewayCloseAction.Resume, ex.Message, IsClientFault: true);
            }

            if (received.Type == WebSocketMessageType.Close)
            {
                return await OnServerCloseAsync(context, received).ConfigureAwait(false);
            }

            if (received.Type == WebSocketMessageType.Binary)
            {
                _logger.LogBinaryMessage(connection.Message.Length);
                continue;
            }

            var frame = GatewayFrame.TryParse(connection.Message, out var problem);
            if (frame is null)
            {
                _logger.LogUnreadableMessage(connection.Message.Length, problem);
                continue;
            }

            var handedOver = false;
            try
            {
                switch ((GatewayOpCode)frame.Op)
                {
                    case GatewayOpCode.Hello when !helloSeen:
                        helloSeen = true;
                        helloTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                        await OnHelloAsync(context, frame, resume).ConfigureAwait(false);
                        break;
                    case GatewayOpCode.HeartbeatAck:
                        context.AwaitingAck = false;
                        Interlocked.Increment(ref _heartbeatsAcknowledged);
                        break;
                    case GatewayOpCode.Heartbeat:
                        await SendHeartbeatAsync(context).ConfigureAwait(false);
                        break;
                    case GatewayOpCode.Reconnect:
                        BeginClose(context, GatewayClosePolicy.ReconnectCloseCode, new ConnectionEnd(GatewayCloseAction.Resume, "Discord asked to reconnect (op 7)"));
                        break;
                    case GatewayOpCode.InvalidSession:
                        OnInvalidSession(context, frame);
                        break;
                    case GatewayOpCode.Dispatch:
                        handedOver = await OnDispatchAsync(context, frame).ConfigureAwait(false);
                        break;
                    default:
                        _logger.LogOpcodeIgnored(frame.Op);
                        break;
                }
            }
            catch (OperationCanceledException) when (context.Lifetime.IsCancellationRequested)
            {
                return context.End ?? new ConnectionEnd(GatewayCloseAction.Resume, "the connection was dropped");
            }
            catch (Exception ex) when (ex is WebSocketException or InvalidOperationException or ObjectDisposedException)
            {
                // A send on a socket that is closing or gone.
                return context.End ?? new ConnectionEnd(GatewayCloseAction.Resume, $"a send failed ({Redact(ex.Message)})");
            }
            finally
            {
                if (!handedOver)
                {
                    frame.Dispose();
                }
            }
        }
    }

    private async Task<ConnectionEnd> OnServerCloseAsync(ConnectionContext context, GatewayReceived received)
    {
        if (context.End is { } ours)
        {
            return ours;
        }

        var code = received.CloseStatus;
        var end = new ConnectionEnd(
            GatewayClosePolicy.ActionFor(code),
            $"Discord closed the connection with {GatewayClosePolicy.Describe(code)}",
            code,
            IsClientFault: code is 4001 or 4002 or 4005 or 4008);
        context.TrySetEnd(end);
        try
        {
            using var timeout = new CancellationTokenSource(_timings.CloseTimeout, _time);
            await context.Connection.CloseAsync(code ?? 1000, "", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The server is gone already; nothing left to answer.
        }

        return end;
    }

    private async Task OnHelloAsync(ConnectionContext context, GatewayFrame frame, bool resume)
    {
        var data = frame.Data;
        if (data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("heartbeat_interval", out var intervalElement)
            || !intervalElement.TryGetDouble(out var intervalMs)
            || intervalMs <= 0
            || double.IsNaN(intervalMs)
            || intervalMs > TimeSpan.FromDays(1).TotalMilliseconds)
        {
            _logger.LogHelloWithoutInterval();
            BeginClose(context, GatewayClosePolicy.ReconnectCloseCode, new ConnectionEnd(GatewayCloseAction.Resume, "Hello had no heartbeat interval"));
            return;
        }

        var interval = TimeSpan.FromMilliseconds(intervalMs);
        context.Heartbeat = Task.Run(() => HeartbeatAsync(context, interval), CancellationToken.None);
        if (resume)
        {
            string? sessionId;
            long? sequence;
            lock (_sessionLock)
            {
                sessionId = _sessionId;
                sequence = _lastSequence;
            }

            if (sessionId is not null)
            {
                SetStatus(GatewayStatus.Resuming);
                await context.Connection.SendAsync(GatewayPayloads.Resume(_token, sessionId, sequence), isHeartbeat: false, context.Lifetime).ConfigureAwait(false);
                return;
            }
        }

        SetStatus(GatewayStatus.Identifying);
        await context.Connection.SendAsync(GatewayPayloads.Identify(_token, Shard), isHeartbeat: false, context.Lifetime).ConfigureAwait(false);
    }

    private void OnInvalidSession(ConnectionContext context, GatewayFrame frame)
    {
        if (frame.Data.ValueKind == JsonValueKind.True)
        {
            BeginClose(context, GatewayClosePolicy.ReconnectCloseCode, new ConnectionEnd(GatewayCloseAction.Resume, "Discord invalidated the session but allows resuming it (op 9)"));
            return;
        }

        ForgetSession();
        BeginClose(
            context,
            GatewayClosePolicy.ReconnectCloseCode,
            new ConnectionEnd(GatewayCloseAction.Identify, "Discord invalidated the session (op 9)", WaitBeforeIdentify: true));
    }

    /// <returns>True when the frame went to the dispatch queue, which then owns it.</returns>
    private async Task<bool> OnDispatchAsync(ConnectionContext context, GatewayFrame frame)
    {
        if (frame.Sequence is { } sequence)
        {
            lock (_sessionLock)
            {
                _lastSequence = sequence;
            }
        }

        switch (frame.EventName)
        {
            case "READY":
                OnReady(frame.Data);
                break;
            case "RESUMED":
                SetStatus(GatewayStatus.Ready);
                _backoff.Reset();
                _logger.LogSessionResumed();
                break;
            case null:
                _logger.LogDispatchWithoutName();
                return false;
        }

        await _dispatches.Writer.WriteAsync(frame, context.Lifetime).ConfigureAwait(false);
        return true;
    }

    private void OnReady(JsonElement data)
    {
        var sessionId = ReadString(data, "session_id");
        var resumeUrl = ReadString(data, "resume_gateway_url");
        var applicationId = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("application", out var app) ? ReadString(app, "id") : null;
        var userId = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("user", out var user) ? ReadString(user, "id") : null;
        Uri? resumeUri = null;
        if (resumeUrl is not null
            && (!Uri.TryCreate(resumeUrl, UriKind.Absolute, out resumeUri) || resumeUri.Scheme is not ("ws" or "wss")))
        {
            _logger.LogNoResumeUrl();
            resumeUri = null;
        }

        lock (_sessionLock)
        {
            _sessionId = sessionId;
            _resumeUrl = resumeUri ?? _gatewayUrlOverride ?? _discoveredUrl;
        }

        if (sessionId is null)
        {
            _logger.LogNoSessionId();
        }

        SetStatus(GatewayStatus.Ready);
        _backoff.Reset();
        _logger.LogReady(userId ?? "", applicationId ?? "");
    }

    private async Task HeartbeatAsync(ConnectionContext context, TimeSpan interval)
    {
        var delay = FirstHeartbeatDelay(interval, _timings.Random.NextDouble());
        try
        {
            while (true)
            {
                await Task.Delay(delay, _time, context.Lifetime).ConfigureAwait(false);
                if (context.AwaitingAck)
                {
                    _logger.LogHeartbeatUnacknowledged();
                    BeginClose(context, GatewayClosePolicy.ReconnectCloseCode, new ConnectionEnd(GatewayCloseAction.Resume, "no heartbeat acknowledgement"));
                    return;
                }

                await SendHeartbeatAsync(context).ConfigureAwait(false);
                delay = interval;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection is ending; the receive loop reports why.
        }
    }

    private Task SendHeartbeatAsync(ConnectionContext context)
    {
        context.AwaitingAck = true;
        return context.Connection.SendAsync(GatewayPayloads.Heartbeat(LastSequence), isHeartbeat: true, context.Lifetime);
    }

    /// <summary>Leaves the connection: the end is decided now, the close frame goes out, and the socket is dropped if the server does not answer in time.</summary>
    private void BeginClose(ConnectionContext context, int code, ConnectionEnd end)
    {
        if (context.TrySetEnd(end))
        {
            context.Closing = CloseAndLeaveAsync(context, code, end.IsShutdown ? "shutting down" : "reconnecting");
        }
    }

    private async Task CloseAndLeaveAsync(ConnectionContext context, int code, string reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(_timings.CloseTimeout, _time);
            await context.Connection.CloseAsync(code, reason, timeout.Token).ConfigureAwait(false);
            await Task.Delay(_timings.CloseTimeout, _time, context.Lifetime).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone, or the server answered the close and the connection ended.
        }

        context.EndLifetime();
    }

    private async Task ConsumeDispatchesAsync(CancellationToken stoppingToken)
    {
        await foreach (var frame in _dispatches.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            using (frame)
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    // Shutting down: what is still queued is dropped, not handled with a cancelled token.
                    continue;
                }

                try
                {
                    await _handler.HandleAsync(frame.EventName!, frame.Data, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    // Shutting down.
                }
#pragma warning disable CA1031 // A failing handler must never end the gateway connection.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    _logger.LogHandlerFailed(frame.EventName, Redact(ex.ToString()));
                }
            }
        }
    }

    private void ForgetSession()
    {
        lock (_sessionLock)
        {
            _sessionId = null;
            _resumeUrl = null;
            _lastSequence = null;
        }
    }

    private TimeSpan InvalidSessionDelay()
    {
        var min = _timings.InvalidSessionMinDelay;
        var max = _timings.InvalidSessionMaxDelay;
        return min + (max - min) * _timings.Random.NextDouble();
    }

    private void SetStatus(GatewayStatus status)
    {
        if (Interlocked.Exchange(ref _status, (int)status) != (int)status)
        {
            _logger.LogGatewayStatus(status);
        }
    }

    private void Stop(GatewayStopReason reason)
    {
        Volatile.Write(ref _stopReason, reason);
        SetStatus(GatewayStatus.Stopped);
    }

    private string Redact(string text) =>
        _token.Length == 0 ? text : text.Replace(_token, "[redacted]", StringComparison.Ordinal);

    private static string? ReadString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static Uri WithGatewayQuery(Uri url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        if (string.IsNullOrEmpty(builder.Path))
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }

    /// <summary>How a connection ended and what the next one should do.</summary>
    private sealed record ConnectionEnd(
        GatewayCloseAction Action,
        string Why,
        int? CloseCode = null,
        bool WaitBeforeIdentify = false,
        bool IsClientFault = false,
        bool IsShutdown = false,
        bool ConnectFailed = false)
    {
        public static ConnectionEnd Shutdown { get; } = new(GatewayCloseAction.Stop, "shutting down", IsShutdown: true);
    }

    /// <summary>One connection's state: its socket, its lifetime, whether a heartbeat awaits its ACK, and how it ends.</summary>
    private sealed class ConnectionContext : IDisposable
    {
        private readonly CancellationTokenSource _lifetime = new();
        private ConnectionEnd? _end;
        private volatile bool _awaitingAck;

        public ConnectionContext(GatewayConnection connection)
        {
            Connection = connection;
            Lifetime = _lifetime.Token;
        }

        public GatewayConnection Connection { get; }

        /// <summary>Cancelled when the connection ends; cancelling a receive drops the socket.</summary>
        public CancellationToken Lifetime { get; }

        public ConnectionEnd? End => Volatile.Read(ref _end);

        public bool AwaitingAck
        {
            get => _awaitingAck;
            set => _awaitingAck = value;
        }

        public Task Heartbeat { get; set; } = Task.CompletedTask;

        public Task Closing { get; set; } = Task.CompletedTask;

        public bool TrySetEnd(ConnectionEnd end) => Interlocked.CompareExchange(ref _end, end, null) is null;

        public void EndLifetime()
        {
            try
            {
                _lifetime.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Already ended.
            }
        }

        public void Dispose()
        {
            _lifetime.Dispose();
            Connection.Dispose();
        }
    }
}
