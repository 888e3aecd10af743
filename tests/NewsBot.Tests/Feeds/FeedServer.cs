using Microsoft.AspNetCore.Builder;
using NewsBot.Testing;

namespace NewsBot.Tests.Feeds;

/// <summary>A real Kestrel server on 127.0.0.1 with a free port, standing in for feed sites.</summary>
internal sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FeedServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public static async Task<FeedServer> StartAsync(Action<WebApplication> mapEndpoints)
    {
        var app = LoopbackWebApp.Create();
        mapEndpoints(app);
        return new FeedServer(app, await app.StartListeningAsync());
    }

    public string Url(string path) => new Uri(BaseUri, path).ToString();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAndDisposeAsync(TimeSpan.FromSeconds(5));
    }
}
