using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsBot.Testing;

namespace NewsBot.Tests.Fakes;

/// <summary>
/// An in-process stand-in for Discord's gateway on Kestrel WebSockets (127.0.0.1, free port).
/// Identify connections arrive on <c>/</c>, resumes on <c>/resume</c> (the resume_gateway_url its
/// READY names). Each connection runs a script — the next one queued with <see cref="Then"/>, or
/// <see cref="StandardAsync"/> (Hello, then READY for Identify and RESUMED for Resume) — while the
/// server records every frame the client sends and answers heartbeats unless told not to.
/// </summary>
public sealed class FakeDiscordGateway : IAsyncDisposable
{
    /// <summary>A token of the real shape; tests check it never reaches a log line.</summary>
    public const string Token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.fakeTokenSecretPart_0123456789abcdefXYZ";
    public const string SessionId = "sess-1";
    public const string ApplicationId = "200";
    public const string BotUserId = "100";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<FakeGatewayConnection, Task>> _scripts = new();
    private readonly Lock _lock = new();
    private readonly List<FakeGatewayConnection> _connections = [];
    private readonly ChangeSignal _changes = new();
    private int _refuse;
    private int _refused;

    private FakeDiscordGateway(WebApplication app) => _app = app;

    /// <summary>The identify URL, e.g. ws://127.0.0.1:5123/.</summary>
    public Uri Url { get; private set; } = null!;

    public Uri ResumeUrl => new(Url, "/resume");

    /// <summary>The heartbeat interval the standard script's Hello announces, in milliseconds.</summary>
    public int HeartbeatIntervalMs { get; set; } = 45_000;

    public int ConnectionCount
    {
        get
        {
            lock (_lock)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>WebSocket upgrades answered with 503 so far.</summary>
    public int RefusedUpgrades => Volatile.Read(ref _refused);

    public static async Task<FakeDiscordGateway> StartAsync()
    {
        var app = LoopbackWebApp.Create();
        var gateway = new FakeDiscordGateway(app);
        var stopping = app.Lifetime.ApplicationStopping;
        app.UseWebSockets();
        app.Map("/{**path}", (HttpContext context) => gateway.HandleAsync(context, stopping));
        var address = await app.StartListeningAsync();
        gateway.Url = new UriBuilder(address) { Scheme = "ws", Path = "/" }.Uri;
        return gateway;
    }

    /// <summary>Queues the script of the next connection (scripts are used in order, one per connection).</summary>
    public FakeDiscordGateway Then(Func<FakeGatewayConnection, Task> script)
    {
        _scripts.Enqueue(script);
        return this;
    }

    /// <summary>Queues a script that opens the connection as <see cref="StandardAsync"/> does, then goes on with <paramref name="then"/>.</summary>
    public FakeDiscordGateway ThenStandardAnd(Func<FakeGatewayConnection, Task> then) =>
        Then(async connection =>
        {
            await StandardAsync(connection);
            await then(connection);
        });

    /// <summary>The next <paramref name="count"/> upgrade requests get 503 instead of a WebSocket.</summary>
    public void RefuseUpgrades(int count) => Interlocked.Exchange(ref _refuse, count);

    /// <summary>Hello, then READY (s=1) for an Identify or RESUMED (s = seq + 1) for a Resume.</summary>
    public async Task StandardAsync(FakeGatewayConnection connection)
    {
        await connection.SendHelloAsync(HeartbeatIntervalMs);
        var opening = await connection.WaitForFrameAsync(f => f.Op() is 2 or 6);
        if (opening.Op() == 2)
        {
            await connection.SendReadyAsync(sequence: 1);
        }
        else
        {
            var seq = (long?)opening["d"]?["seq"] ?? 0;
            await connection.SendDispatchAsync("RESUMED", seq + 1, new JsonObject());
        }
    }

    /// <summary>The connection with this 1-based number, waiting (a few seconds at most) for it to open.</summary>
    public Task<FakeGatewayConnection> ConnectionAsync(int number, TimeSpan? timeout = null) =>
        Eventually.WaitForAsync(
            () =>
            {
                lock (_lock)
                {
                    return _connections.Count >= number ? _connections[number - 1] : null;
                }
            },
            $"connection {number} to open",
            timeout,
            _changes,
            () => $"{ConnectionCount} opened");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAndDisposeAsync(TimeSpan.FromSeconds(2));
        lock (_lock)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }
        }
    }

    private async Task HandleAsync(HttpContext context, CancellationToken stopping)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (Interlocked.Decrement(ref _refuse) >= 0)
        {
            Interlocked.Increment(ref _refused);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        Interlocked.Exchange(ref _refuse, 0);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        FakeGatewayConnection connection;
        lock (_lock)
        {
            connection = new FakeGatewayConnection(_connections.Count + 1, socket, context, ResumeUrl);
            _connections.Add(connection);
        }

        _changes.Pulse();

        var script = _scripts.TryDequeue(out var queued) ? queued : StandardAsync;
        var running = Task.Run(() => connection.RunScriptAsync(script), CancellationToken.None);
        await connection.ReceiveUntilClosedAsync(stopping);
        await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None));
    }
}
