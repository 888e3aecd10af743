using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace NewsBot.Hosting;

/// <summary>
/// The start of a small web server the bot runs beside its host: Kestrel on the given URL,
/// request bodies capped, and logging through the host's own logger factory.
/// </summary>
internal static class ListenerBuilder
{
    public static WebApplicationBuilder Create(string url, long maxRequestBodyBytes, ILoggerFactory loggerFactory)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxRequestBodyBytes);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        return builder;
    }

    /// <summary>The addresses a started listener actually bound (with the real port when the URL asked for port 0).</summary>
    public static IReadOnlyList<string> BoundAddresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
    }
}
