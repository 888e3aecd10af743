using System.Buffers;
using System.Net.WebSockets;

namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>What one receive produced: a whole message (read it from <see cref="GatewayConnection.Message"/>) or the server's close.</summary>
internal readonly record struct GatewayReceived(WebSocketMessageType Type, int? CloseStatus);

/// <summary>
/// One WebSocket connection to the gateway. Reassembles messages that arrive in many frames into
/// one pooled buffer, sends one frame at a time (a WebSocket allows a single pending send), and
/// keeps ordinary sends under the gateway's send limit while heartbeats pass at once.
/// </summary>
internal sealed class GatewayConnection : IDisposable
{
    private const int InitialBufferBytes = 16 * 1024;

    private readonly ClientWebSocket _socket;
    private readonly GatewaySendLimiter _limiter;
    private readonly SemaphoreSlim _sendTurn = new(1, 1);
    private readonly int _maxMessageBytes;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
    private int _length;

    private GatewayConnection(ClientWebSocket socket, GatewaySendLimiter limiter, int maxMessageBytes)
    {
        _socket = socket;
        _limiter = limiter;
        _maxMessageBytes = maxMessageBytes;
    }

    /// <summary>The last text message received; valid until the next receive.</summary>
    public ReadOnlySpan<byte> Message => _buffer.AsSpan(0, _length);

    public static async Task<GatewayConnection> OpenAsync(Uri uri, GatewayTimings timings, TimeProvider time, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var limiter = new GatewaySendLimiter(time, timings.SendLimit, timings.SendWindow, timings.HeartbeatReserve);
        return new GatewayConnection(socket, limiter, timings.MaxMessageBytes);
    }

    /// <summary>Reads frames until a message is complete (or the server closes).</summary>
    /// <exception cref="InvalidDataException">The message is larger than the configured maximum.</exception>
    public async Task<GatewayReceived> ReceiveAsync(CancellationToken cancellationToken)
    {
        _length = 0;
        while (true)
        {
            if (_length == _buffer.Length)
            {
                Grow();
            }

            var result = await _socket.ReceiveAsync(_buffer.AsMemory(_length), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new GatewayReceived(WebSocketMessageType.Close, (int?)_socket.CloseStatus);
            }

            _length += result.Count;
            if (result.EndOfMessage)
            {
                return new GatewayReceived(result.MessageType, null);
            }
        }
    }

    /// <summary>Sends one payload; ordinary sends may wait for room in the send window, heartbeats never do.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> payload, bool isHeartbeat, CancellationToken cancellationToken)
    {
        if (payload.Length > GatewayPayloads.MaxFrameBytes)
        {
            throw new ArgumentException($"A gateway frame may hold at most {GatewayPayloads.MaxFrameBytes} bytes; this one has {payload.Length}.", nameof(payload));
        }

        if (isHeartbeat)
        {
            _limiter.RecordHeartbeat();
        }
        else
        {
            await _limiter.WaitForOrdinarySendAsync(cancellationToken).ConfigureAwait(false);
        }

        await _sendTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendTurn.Release();
        }
    }

    /// <summary>Sends a close frame (or answers the server's) unless the socket is already past that.</summary>
    public async Task CloseAsync(int code, string reason, CancellationToken cancellationToken)
    {
        await _sendTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _sendTurn.Release();
        }
    }

    public void Abort() => _socket.Abort();

    public void Dispose()
    {
        _socket.Dispose();
        _limiter.Dispose();
        _sendTurn.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
    }

    private void Grow()
    {
        if (_buffer.Length >= _maxMessageBytes)
        {
            throw new InvalidDataException($"A gateway message was larger than {_maxMessageBytes} bytes.");
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, _maxMessageBytes));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
