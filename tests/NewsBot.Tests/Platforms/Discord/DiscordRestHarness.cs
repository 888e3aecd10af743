using Microsoft.Extensions.Logging.Testing;

namespace NewsBot.Tests.Platforms.Discord;

/// <summary>
/// The real REST client against a <see cref="FakeDiscordRest"/>, both on one fake clock. Rate
/// limit waits happen on that clock; <see cref="RunAsync{T}"/> moves it forward in small steps
/// while a call is under way, so waits of seconds pass in milliseconds and the recorded times
/// (fake) show exactly how long the client held back.
/// </summary>
public sealed class DiscordRestHarness : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly StampingHandler _stamps;

    private DiscordRestHarness(FakeDiscordRest server, DiscordRestTuning tuning, ObservedClock clock)
    {
        Clock = clock;
        _stamps = new StampingHandler(clock);
        _http = new HttpClient(_stamps);
        Server = server;
        Guard = new InvalidRequestGuard(Clock, tuning);
        Limiter = new DiscordRateLimiter(Clock, tuning);
        var options = Options.Create(new DiscordOptions { Token = FakeDiscordRest.Token, ApiBaseUrl = server.ApiBaseUrl });
        Client = new DiscordRestClient(_http, options, Limiter, Guard, Shutdown, tuning, Clock, Logs, Metrics);
    }

    public ObservedClock Clock { get; }

    public FakeDiscordRest Server { get; }

    /// <summary>When each request left the client, on the fake clock: what the limiter let through, free of transit time.</summary>
    public IReadOnlyList<DateTimeOffset> SentAt => _stamps.Snapshot();

    internal DiscordRestClient Client { get; }

    internal DiscordRateLimiter Limiter { get; }

    internal InvalidRequestGuard Guard { get; }

    internal DiscordShutdown Shutdown { get; } = new();

    internal FakeLogger<DiscordRestClient> Logs { get; } = new();

    internal NewsBot.Core.Telemetry.NewsBotMetrics Metrics { get; } = new(new MeterFactory());

    internal static DiscordRestTuning FastTuning { get; } = new()
    {
        ServerErrorBackoff = TimeSpan.FromMilliseconds(200),
        RequestTimeout = TimeSpan.FromSeconds(5),
    };

    internal static async Task<DiscordRestHarness> StartAsync(DiscordRestTuning? tuning = null)
    {
        var clock = new ObservedClock(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var server = await FakeDiscordRest.StartAsync(clock);
        return new DiscordRestHarness(server, tuning ?? FastTuning, clock);
    }

    /// <summary>Runs a call to completion, moving the fake clock 25 ms at a time while it waits (bounded).</summary>
    public async Task<T> RunAsync<T>(Task<T> call)
    {
        await PumpUntilAsync(call);
        return await call;
    }

    public async Task RunAsync(Task call)
    {
        await PumpUntilAsync(call);
        await call;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _http.Dispose();
        Shutdown.Dispose();
        Metrics.Meter.Dispose();
    }

    /// <summary>A meter factory of the harness's own, so what its client records is seen by its tests alone.</summary>
    private sealed class MeterFactory : System.Diagnostics.Metrics.IMeterFactory
    {
        public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options) => new(options);

        public void Dispose()
        {
        }
    }

    private async Task PumpUntilAsync(Task call)
    {
        for (var step = 0; !call.IsCompleted; step++)
        {
            if (step > 4000)
            {
                throw new TimeoutException("The call did not finish within 100 s of fake time.");
            }

            await Task.WhenAny(call, Task.Delay(1));
            if (!call.IsCompleted)
            {
                Clock.Advance(TimeSpan.FromMilliseconds(25));
            }
        }
    }

    private sealed class StampingHandler(TimeProvider clock) : DelegatingHandler(new HttpClientHandler())
    {
        private readonly List<DateTimeOffset> _sent = [];

        public IReadOnlyList<DateTimeOffset> Snapshot()
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_sent)
            {
                _sent.Add(clock.GetUtcNow());
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
