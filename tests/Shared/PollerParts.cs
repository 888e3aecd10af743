using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsBot.Core.Announcements;
using NewsBot.Feeds;

namespace NewsBot.Testing;

/// <summary>
/// The real feed poller's parts for a host of the tests or of the benchmark runner (both compile
/// this file): the production <see cref="FeedFetcher"/> over a handler of its own
/// (<see cref="GuardedConnector.CreateHandler"/>), disposed with these parts, and the services
/// the poller needs around it. Fetch time-outs run on the real clock.
/// </summary>
internal sealed class PollerParts : IDisposable
{
    private readonly SocketsHttpHandler _handler;
    private readonly FixedOptionsMonitor<FeedsOptions> _monitor;

    public PollerParts(FeedsOptions options, IHostEnvironment environment)
    {
        Options = options;
        _monitor = new FixedOptionsMonitor<FeedsOptions>(options);
        _handler = GuardedConnector.CreateHandler(_monitor);
        Fetcher = new FeedFetcher(new SingleHandlerHttpClientFactory(_handler), _monitor, environment, TimeProvider.System, NullLogger<FeedFetcher>.Instance);
    }

    public FeedsOptions Options { get; }

    public FeedFetcher Fetcher { get; }

    /// <summary>The options, this fetcher, the parser, <paramref name="admins"/>, and the poller with its scheduler.</summary>
    public void Register(IServiceCollection services, IAdminNotifier admins)
    {
        services.AddSingleton<IOptionsMonitor<FeedsOptions>>(_monitor);
        services.AddSingleton<IOptions<FeedsOptions>>(Microsoft.Extensions.Options.Options.Create(Options));
        services.AddSingleton(Fetcher);
        services.AddSingleton<FeedParser>();
        services.AddSingleton(admins);
        services.AddSingleton<FeedBodies>();
        services.AddSingleton<SourcePoller>();
        services.AddSingleton<FeedPollingService>();
    }

    public void Dispose() => _handler.Dispose();
}
