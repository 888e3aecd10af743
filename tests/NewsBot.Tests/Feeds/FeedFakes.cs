using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsBot.Feeds;

namespace NewsBot.Tests.Feeds;

/// <summary>Options that never change.</summary>
internal sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}

/// <summary>Hands out clients over one handler, the way the factory does for a named client.</summary>
internal sealed class SingleHandlerHttpClientFactory(HttpMessageHandler handler) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
}

internal sealed class FakeHostEnvironment(string contentRootPath) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = Environments.Development;

    public string ApplicationName { get; set; } = "NewsBot.Tests";

    public string ContentRootPath { get; set; } = contentRootPath;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}

/// <summary>Builds a <see cref="FeedFetcher"/> wired like production, with fixtures as its content root.</summary>
internal sealed class FetcherHarness : IDisposable
{
    private readonly SocketsHttpHandler _handler;

    public FetcherHarness(FeedsOptions? options = null, string? contentRoot = null)
    {
        Options = options ?? new FeedsOptions { AllowPrivateAddresses = true };
        var monitor = new FixedOptionsMonitor<FeedsOptions>(Options);
        _handler = GuardedConnector.CreateHandler(monitor);
        Fetcher = new FeedFetcher(
            new SingleHandlerHttpClientFactory(_handler),
            monitor,
            new FakeHostEnvironment(contentRoot ?? Fixtures.Directory),
            TimeProvider.System,
            NullLogger<FeedFetcher>.Instance);
    }

    public FeedsOptions Options { get; }

    public FeedFetcher Fetcher { get; }

    public void Dispose() => _handler.Dispose();
}
