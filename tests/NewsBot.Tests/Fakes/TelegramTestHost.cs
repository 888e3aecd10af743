namespace NewsBot.Tests.Fakes;

/// <summary>
/// The real NewsBot host in service mode, pointed at a <see cref="FakeTelegramServer"/> through
/// Telegram:ApiBaseUrl, with its data in a temp folder. Optionally on a fake clock that a pump
/// moves forward quickly, so flood waits and cooldowns pass without real waiting.
/// </summary>
public sealed class TelegramTestHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly CancellationTokenSource _pump = new();
    private Task _pumping = Task.CompletedTask;

    private TelegramTestHost(IHost host, FakeTimeProvider? clock)
    {
        _host = host;
        Clock = clock;
    }

    public FakeTimeProvider? Clock { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<TelegramTestHost> StartAsync(
        FakeTelegramServer telegram,
        string dataDirectory,
        Dictionary<string, string?>? settings = null,
        FakeTimeProvider? clock = null,
        ILoggerProvider? logs = null,
        bool pumpClock = true)
    {
        var all = new Dictionary<string, string?>
        {
            ["NewsBot:DataDirectory"] = dataDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Telegram:Token"] = FakeTelegramServer.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var builder = NewsBotHost.CreateBuilder(HostMode.Service, c => c.AddInMemoryCollection(all));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        if (clock is not null)
        {
            builder.Services.AddSingleton<TimeProvider>(clock);
        }

        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        var host = builder.Build();
        var started = new TelegramTestHost(host, clock);
        await host.StartAsync();
        if (clock is not null && pumpClock)
        {
            started.StartPump();
        }

        return started;
    }

    /// <summary>Starts moving the fake clock forward by itself.</summary>
    public void StartPump()
    {
        if (Clock is not null && _pumping.IsCompleted)
        {
            _pumping = PumpAsync(Clock);
        }
    }

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public async Task StopAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _host.StopAsync(stopping.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _pump.CancelAsync();
        await _pumping;
        await StopAsync();
        _host.Dispose();
        _pump.Dispose();
    }

    /// <summary>A second of fake time every few milliseconds: waits of seconds pass in a blink, still in order.</summary>
    private async Task PumpAsync(FakeTimeProvider clock)
    {
        try
        {
            while (!_pump.IsCancellationRequested)
            {
                await Task.Delay(5, _pump.Token);
                clock.Advance(TimeSpan.FromSeconds(1));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}

/// <summary>Shortcuts for the chats tests talk in.</summary>
public static class TelegramChats
{
    public static JsonObject Say(long chatId, string text, long userId = 7, string? chatType = null) =>
        TelegramUpdates.Text(chatId, userId, text, chatType);
}
