using NewsBot.Testing;

namespace NewsBot.Tests.Feeds;

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
            new StandInHostEnvironment(contentRoot ?? Fixtures.Directory, "NewsBot.Tests", Environments.Development),
            TimeProvider.System,
            NullLogger<FeedFetcher>.Instance);
    }

    public FeedsOptions Options { get; }

    public FeedFetcher Fetcher { get; }

    public void Dispose() => _handler.Dispose();
}
