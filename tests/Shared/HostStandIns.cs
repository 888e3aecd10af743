using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NewsBot.Testing;

// What the host would otherwise provide around the feed fetcher and the poller, for the tests
// and the benchmark runner alike (both compile this file).

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

/// <summary>A host environment rooted at <paramref name="contentRootPath"/>, with no files behind it.</summary>
internal sealed class StandInHostEnvironment(string contentRootPath, string applicationName, string environmentName) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = environmentName;

    public string ApplicationName { get; set; } = applicationName;

    public string ContentRootPath { get; set; } = contentRootPath;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
