namespace NewsBot.Tests.Monitoring;

/// <summary>The real NewsBot host (terminal mode, bundled samples) with the monitoring listener on a free loopback port.</summary>
public sealed class MonitoredHost : IAsyncDisposable
{
    private readonly IHost _host;

    private MonitoredHost(IHost host, TempDirectory data)
    {
        _host = host;
        Data = data;
        var address = host.Services.GetRequiredService<MonitoringServer>().Addresses[0];
        Http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    public TempDirectory Data { get; }

    public IServiceProvider Services => _host.Services;

    public static Dictionary<string, string?> Settings(string dataDirectory, Dictionary<string, string?>? extra = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["NewsBot:DataDirectory"] = dataDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Monitoring:ListenUrl"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in extra ?? [])
        {
            all[key] = value;
        }

        return all;
    }

    public static IHost Build(Dictionary<string, string?> settings, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = NewsBotHost.CreateBuilder(HostMode.TerminalChat, c => c.AddInMemoryCollection(settings));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <param name="seed">Writes to the database through a host that is not started, before the monitored one starts, so no background service races the writes.</param>
    public static async Task<MonitoredHost> StartAsync(
        Dictionary<string, string?>? extra = null, Action<HostApplicationBuilder>? configure = null, Func<IServiceProvider, Task>? seed = null)
    {
        var data = new TempDirectory();
        if (seed is not null)
        {
            using var seeding = Build(Settings(data.Path, new() { ["Monitoring:ListenUrl"] = "" }));
            await seed(seeding.Services);
        }

        var host = Build(Settings(data.Path, extra), configure);
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            data.Dispose();
            throw;
        }

        return new MonitoredHost(host, data);
    }

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.StopAsync();
        _host.Dispose();
        Data.Dispose();
    }
}
