using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NewsBot.Testing;

/// <summary>
/// Kestrel on 127.0.0.1 with a free port and no logging: what every in-process stand-in server
/// (fake platforms, feed sites) is built on, for the tests and the benchmark runner alike.
/// </summary>
internal static class LoopbackWebApp
{
    /// <summary>An app that listens on a free loopback port once started and stops within a second.</summary>
    public static WebApplication Create()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        return builder.Build();
    }

    /// <summary>Starts the app and returns the address it listens on, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public static async Task<Uri> StartListeningAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await app.StartAsync(cancellationToken);
        return new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>Stops, giving requests in flight <paramref name="grace"/> to finish, then disposes.</summary>
    public static async ValueTask StopAndDisposeAsync(this WebApplication app, TimeSpan grace)
    {
        using var stopping = new CancellationTokenSource(grace);
        await app.StopAsync(stopping.Token);
        await app.DisposeAsync();
    }
}
