using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsBot.Core.Announcements;

namespace NewsBot.Benchmarks.Ingest;

// What the host would otherwise provide around the poller. Same shapes as the test harness's.

/// <summary>Options that never change.</summary>
internal sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}

/// <summary>Hands out clients over one handler, as the factory does for the named feeds client (no client time-out: the fetcher has its own).</summary>
internal sealed class SingleHandlerHttpClientFactory(HttpMessageHandler handler) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
}

internal sealed class BenchmarkHostEnvironment(string contentRootPath) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = Environments.Production;

    public string ApplicationName { get; set; } = "NewsBot.Benchmarks";

    public string ContentRootPath { get; set; } = contentRootPath;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}

/// <summary>Counts admin notices (a source disabled after failures) instead of sending them; the benchmark expects none.</summary>
internal sealed class CountingAdminNotifier : IAdminNotifier
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public Task NotifyAsync(string message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return Task.CompletedTask;
    }
}
