using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsBot.Testing;

namespace NewsBot.Benchmarks.Fanout;

/// <summary>
/// A chat platform on loopback Kestrel: <c>POST /send?chat=…</c> with the message as the body.
/// Without ceilings it accepts everything. With them it enforces them as token buckets
/// (overall: as many tokens as messages per second, refilled at that rate; per chat: one, at the
/// per-chat rate; per group: the per-minute count, at that rate) and answers 429 with
/// <c>retry_after</c> when a message finds its bucket empty, as Telegram does.
/// </summary>
internal sealed class FakePlatform : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly PacingLimits? _ceilings;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Bucket> _chats = new(StringComparer.Ordinal);
    private readonly List<long> _acceptedAt = [];
    private Bucket? _global;
    private int _refused;

    private FakePlatform(WebApplication app, PacingLimits? ceilings)
    {
        _app = app;
        _ceilings = ceilings;
    }

    public Uri BaseUri { get; private set; } = null!;

    public int Accepted
    {
        get
        {
            lock (_lock)
            {
                return _acceptedAt.Count;
            }
        }
    }

    public int Refused => Volatile.Read(ref _refused);

    public static async Task<FakePlatform> StartAsync(PacingLimits? ceilings)
    {
        var app = LoopbackWebApp.Create();
        var platform = new FakePlatform(app, ceilings);
        app.MapPost("/send", platform.HandleAsync);
        platform.BaseUri = await app.StartListeningAsync();
        return platform;
    }

    /// <summary>The most messages accepted within any one second (a sliding window), a stricter reading of "per second" than the buckets.</summary>
    public int BusiestSecond()
    {
        lock (_lock)
        {
            var busiest = 0;
            var start = 0;
            for (var end = 0; end < _acceptedAt.Count; end++)
            {
                while (Stopwatch.GetElapsedTime(_acceptedAt[start], _acceptedAt[end]) >= TimeSpan.FromSeconds(1))
                {
                    start++;
                }

                busiest = Math.Max(busiest, end - start + 1);
            }

            return busiest;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var chat = context.Request.Query["chat"].ToString();
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (chat.Length == 0 || text.Length == 0)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!TryAccept(chat))
        {
            Interlocked.Increment(ref _refused);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            await context.Response.WriteAsync("{\"ok\":false,\"error_code\":429,\"parameters\":{\"retry_after\":1}}", context.RequestAborted);
            return;
        }

        await context.Response.WriteAsync("{\"ok\":true}", context.RequestAborted);
    }

    private bool TryAccept(string chat)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            if (_ceilings is { } limits)
            {
                _global ??= new Bucket(limits.GlobalPerSecond, limits.GlobalPerSecond, now);
                var isGroup = chat.Contains(":-", StringComparison.Ordinal);
                if (!_chats.TryGetValue(chat, out var bucket))
                {
                    bucket = isGroup
                        ? new Bucket(limits.PerGroupPerMinute, limits.PerGroupPerMinute / 60, now)
                        : new Bucket(1, limits.PerChatPerSecond, now);
                    _chats.Add(chat, bucket);
                }

                if (!_global.CanTake(now) || !bucket.CanTake(now))
                {
                    return false;
                }

                _global.Take();
                bucket.Take();
            }

            _acceptedAt.Add(now);
            return true;
        }
    }

    private sealed class Bucket(double capacity, double perSecond, long now)
    {
        private readonly double _capacity = capacity;
        private double _tokens = capacity;
        private long _filledAt = now;

        public bool CanTake(long now)
        {
            _tokens = Math.Min(_capacity, _tokens + (Stopwatch.GetElapsedTime(_filledAt, now).TotalSeconds * perSecond));
            _filledAt = now;
            return _tokens >= 1;
        }

        public void Take() => _tokens -= 1;
    }
}
