using Microsoft.Extensions.Logging.Testing;

namespace NewsBot.Tests.Platforms.Discord;

/// <summary>
/// A <see cref="DiscordGatewayClient"/> pointed at a <see cref="FakeDiscordGateway"/> with
/// millisecond waits, its logs captured, run on a background task and stopped (bounded) on dispose.
/// </summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    /// <summary>Real-time waits short enough that a reconnect takes milliseconds.</summary>
    public static readonly GatewayTimings FastTimings = new()
    {
        HandshakeTimeout = TimeSpan.FromSeconds(5),
        CloseTimeout = TimeSpan.FromSeconds(2),
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(10),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
        ReconnectJitter = TimeSpan.FromMilliseconds(2),
        InvalidSessionMinDelay = TimeSpan.FromMilliseconds(10),
        InvalidSessionMaxDelay = TimeSpan.FromMilliseconds(20),
        IdentifyWindow = TimeSpan.FromMilliseconds(10),
        Random = new FixedRandom(0.9),
    };

    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    private GatewayHarness(DiscordGatewayClient client, FakeGatewayBotSource botSource, RecordingDispatchHandler handler, FakeLogCollector logs)
    {
        Client = client;
        BotSource = botSource;
        Handler = handler;
        Logs = logs;
    }

    public DiscordGatewayClient Client { get; }

    public FakeGatewayBotSource BotSource { get; }

    public RecordingDispatchHandler Handler { get; }

    public FakeLogCollector Logs { get; }

    public Task Running => _running;

    public static GatewayHarness Create(FakeDiscordGateway gateway, GatewayTimings? timings = null, TimeProvider? time = null, string gatewayUrl = "")
    {
        var options = Options.Create(new DiscordOptions { Token = FakeDiscordGateway.Token, GatewayUrl = gatewayUrl });
        var botSource = new FakeGatewayBotSource(gateway.Url);
        var handler = new RecordingDispatchHandler();
        var logs = new FakeLogCollector();
        var client = new DiscordGatewayClient(options, botSource, handler, time ?? TimeProvider.System, new FakeLogger<DiscordGatewayClient>(logs), timings ?? FastTimings);
        return new GatewayHarness(client, botSource, handler, logs);
    }

    public GatewayHarness Start()
    {
        _running = Task.Run(() => Client.RunAsync(_stop.Token));
        return this;
    }

    /// <summary>Cancels the run and waits (a few seconds at most) for it to return.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Waits (a few seconds at most) until the client reports this status.</summary>
    public Task WaitForStatusAsync(GatewayStatus status) =>
        Eventually.WaitUntilAsync(
            () => Client.Status == status,
            $"the client to be {status}",
            seen: () => $"it is {Client.Status}",
            giveUpWhen: () => _running.IsCompleted && status != GatewayStatus.Stopped ? "the client stopped running" : null);

    /// <summary>Every log line with its level, message and exception, for checks such as "the token is absent".</summary>
    public IReadOnlyList<string> LogLines =>
        Logs.GetSnapshot().Select(r => $"{r.Level} {r.Message} {r.Exception} {string.Join(",", r.StructuredState?.Select(kv => kv.Value) ?? [])}").ToList();

    public IReadOnlyList<FakeLogRecord> LogsAt(LogLevel level) => Logs.GetSnapshot().Where(r => r.Level == level).ToList();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            _stop.Dispose();
        }
    }
}
