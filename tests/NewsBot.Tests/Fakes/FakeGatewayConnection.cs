using System.Buffers;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace NewsBot.Tests.Fakes;

/// <summary>
/// One client connection to <see cref="FakeDiscordGateway"/>: what the client sent (every frame,
/// parsed), how it closed, and the moves a test script makes — Hello, dispatches, op 7/9/1,
/// fragmented and binary messages, a close with any code, or a dropped TCP connection.
/// </summary>
public sealed class FakeGatewayConnection : IDisposable
{
    private readonly WebSocket _socket;
    private readonly HttpContext _context;
    private readonly Uri _resumeUrl;
    private readonly SemaphoreSlim _sendTurn = new(1, 1);
    private readonly Lock _lock = new();
    private readonly List<JsonObject> _received = [];
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ChangeSignal _changes = new();

    internal FakeGatewayConnection(int number, WebSocket socket, HttpContext context, Uri resumeUrl)
    {
        Number = number;
        _socket = socket;
        _context = context;
        _resumeUrl = resumeUrl;
        Path = context.Request.Path.Value ?? "";
        Query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
    }

    public int Number { get; }

    /// <summary>When the client's WebSocket was accepted, by this machine's clock.</summary>
    public DateTimeOffset OpenedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary><c>/</c> for the identify URL, <c>/resume</c> for the resume URL.</summary>
    public string Path { get; }

    public IReadOnlyDictionary<string, string> Query { get; }

    /// <summary>Answer each heartbeat with op 11; set false to play a zombied connection.</summary>
    public bool AcknowledgeHeartbeats { get; set; } = true;

    /// <summary>The close code the client sent (or echoed); null while open or when the connection dropped.</summary>
    public int? ClientCloseStatus { get; private set; }

    /// <summary>Completes when the connection is over, whichever side ended it.</summary>
    public Task Ended => _ended.Task;

    /// <summary>An exception the script threw, if any.</summary>
    public Exception? ScriptError { get; private set; }

    public IReadOnlyList<JsonObject> Received
    {
        get
        {
            lock (_lock)
            {
                return _received.ToList();
            }
        }
    }

    public IReadOnlyList<JsonObject> ReceivedOp(int op) => Received.Where(f => f.Op() == op).ToList();

    public Task SendAsync(JsonNode payload) => SendAsync(payload.ToJsonString());

    public Task SendAsync(string json) => SendFramesAsync(Encoding.UTF8.GetBytes(json), 1, WebSocketMessageType.Text);

    public Task SendHelloAsync(int heartbeatIntervalMs) =>
        SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = heartbeatIntervalMs }, ["s"] = null, ["t"] = null });

    /// <summary>Hello, then waits for the client's Identify (op 2), the opening of every new session.</summary>
    public async Task HelloAndIdentifyAsync(int heartbeatIntervalMs = 60_000)
    {
        await SendHelloAsync(heartbeatIntervalMs);
        await WaitForOpAsync(2);
    }

    public Task SendDispatchAsync(string eventName, long sequence, JsonNode? data) =>
        SendAsync(Dispatch(eventName, sequence, data));

    public Task SendReadyAsync(long sequence, string sessionId = FakeDiscordGateway.SessionId) =>
        SendDispatchAsync("READY", sequence, Ready(sessionId));

    public Task SendReconnectAsync() => SendAsync("""{"op":7,"d":null}""");

    public Task SendInvalidSessionAsync(bool resumable) => SendAsync(resumable ? """{"op":9,"d":true}""" : """{"op":9,"d":false}""");

    public Task RequestHeartbeatAsync() => SendAsync("""{"op":1,"d":null}""");

    /// <summary>Sends one message split over <paramref name="frames"/> WebSocket frames.</summary>
    public Task SendFragmentedAsync(JsonNode payload, int frames) =>
        SendFramesAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), frames, WebSocketMessageType.Text);

    public Task SendBinaryAsync(byte[] bytes) => SendFramesAsync(bytes, 1, WebSocketMessageType.Binary);

    /// <summary>Closes from the server side with this code (the client should answer the close).</summary>
    public async Task CloseAsync(int code, string reason)
    {
        await _sendTurn.WaitAsync();
        try
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or InvalidOperationException or ObjectDisposedException)
        {
            // The client left first.
        }
        finally
        {
            _sendTurn.Release();
        }
    }

    /// <summary>Drops the TCP connection with no close frame.</summary>
    public void Drop() => _context.Abort();

    /// <summary>Waits (a few seconds at most) for a client frame matching the predicate, counting those already received.</summary>
    public Task<JsonObject> WaitForFrameAsync(Func<JsonObject, bool> match, int nth = 1, TimeSpan? timeout = null) =>
        Eventually.WaitForAsync(
            () => Received.Where(match).Skip(nth - 1).FirstOrDefault(),
            $"matching frame #{nth} on connection {Number} ({Path})",
            timeout,
            _changes,
            () => $"ops [{string.Join(", ", Received.Select(f => f.Op()))}]",
            () => Ended.IsCompleted ? "the connection ended" : null);

    public Task<JsonObject> WaitForOpAsync(int op, int nth = 1, TimeSpan? timeout = null) =>
        WaitForFrameAsync(f => f.Op() == op, nth, timeout);

    /// <summary>Waits (a few seconds at most) for the connection to end; returns the client's close code.</summary>
    public async Task<int?> WaitForEndAsync(TimeSpan? timeout = null)
    {
        await Ended.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
        return ClientCloseStatus;
    }

    public JsonObject Ready(string sessionId) => new()
    {
        ["v"] = 10,
        ["user"] = new JsonObject { ["id"] = FakeDiscordGateway.BotUserId, ["username"] = "bot", ["discriminator"] = "0" },
        ["guilds"] = new JsonArray(),
        ["session_id"] = sessionId,
        ["resume_gateway_url"] = _resumeUrl.ToString(),
        ["application"] = new JsonObject { ["id"] = FakeDiscordGateway.ApplicationId, ["flags"] = 0 },
    };

    public static JsonObject Dispatch(string eventName, long sequence, JsonNode? data) =>
        new() { ["op"] = 0, ["s"] = sequence, ["t"] = eventName, ["d"] = data };

    public void Dispose() => _sendTurn.Dispose();

    internal async Task RunScriptAsync(Func<FakeGatewayConnection, Task> script)
    {
        try
        {
            await script(this);
        }
        catch (Exception ex)
        {
            ScriptError = ex;
        }
    }

    internal async Task ReceiveUntilClosedAsync(CancellationToken stopping)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), stopping);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    ClientCloseStatus = (int?)_socket.CloseStatus;
                    await CloseAsync((int)(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure), "");
                    return;
                }

                var frame = JsonNode.Parse(buffer.AsSpan(0, length)) as JsonObject ?? [];
                lock (_lock)
                {
                    _received.Add(frame);
                }

                _changes.Pulse();

                if (frame.Op() == 1 && AcknowledgeHeartbeats)
                {
                    await SendAsync("""{"op":11}""");
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ConnectionAbortedException)
        {
            // Dropped by either side.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _ended.TrySetResult();
            _changes.Pulse();
        }
    }

    private async Task SendFramesAsync(byte[] bytes, int frames, WebSocketMessageType type)
    {
        await _sendTurn.WaitAsync();
        try
        {
            var size = Math.Max(1, (bytes.Length + frames - 1) / frames);
            for (var offset = 0; offset < bytes.Length || offset == 0; offset += size)
            {
                var count = Math.Min(size, bytes.Length - offset);
                var last = offset + count >= bytes.Length;
                await _socket.SendAsync(bytes.AsMemory(offset, count), type, last, CancellationToken.None);
                if (last)
                {
                    break;
                }
            }
        }
        finally
        {
            _sendTurn.Release();
        }
    }
}

/// <summary>Reads gateway frames in tests.</summary>
public static class GatewayFrameExtensions
{
    public static int? Op(this JsonObject frame) => (int?)frame["op"];
}
