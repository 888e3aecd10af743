using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using OpenTelemetry.Metrics;

namespace NewsBot.Monitoring;

/// <summary>
/// The operator's listener (<c>Monitoring:ListenUrl</c>): <c>/healthz</c>, <c>/readyz</c>,
/// <c>/metrics</c> and the status page. It is the first service to start, so a probe gets an
/// answer (not ready yet) while the bot reads its database and feeds, and the last to stop. An
/// address that cannot be used stops start-up with a message naming the setting.
/// </summary>
internal sealed class MonitoringServer(
    IOptions<MonitoringOptions> options,
    ReadinessReport readiness,
    OperationalGauges gauges,
    StatusCollector status,
    AccessGate gate,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory,
    ILogger<MonitoringServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The addresses it listens on once started (tests listen on port 0).</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The gauges are created with the server, so they exist before the first scrape.
        GC.KeepAlive(gauges);
        var settings = options.Value;
        if (!ListenAddress.TryParse(settings.ListenUrl, out var address, out var problem))
        {
            throw new OptionsValidationException(MonitoringOptions.SectionName, typeof(MonitoringOptions), [problem]);
        }

        var builder = ListenerBuilder.Create(address!.Url, 16 * 1024, loggerFactory);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

        // The runtime's own meter brings process memory, GC and thread pool figures.
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(NewsBotMetrics.MeterName, "System.Runtime")
            .AddPrometheusExporter());

        var app = builder.Build();
        app.MapGet("/healthz", WriteAliveAsync);
        app.MapGet("/readyz", WriteReadyAsync);
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapGet("/", WriteStatusPageAsync);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            var reason = ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
                ? "the address is already in use by another program"
                : ex.Message.TrimEnd('.');
            throw new OptionsValidationException(MonitoringOptions.SectionName, typeof(MonitoringOptions),
                [$"Monitoring:ListenUrl {address.Url} cannot be used: {reason}. Choose another port, or stop the program that holds it."]);
        }

        _app = app;
        Addresses = ListenerBuilder.BoundAddresses(app);
        logger.LogListening(string.Join(", ", Addresses));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static Task WriteAliveAsync(HttpContext context) =>
        WriteJsonAsync(context, StatusCodes.Status200OK, json =>
        {
            json.WriteStartObject();
            json.WriteString("status", "pass");
            json.WriteEndObject();
        });

    private async Task WriteReadyAsync(HttpContext context)
    {
        var results = await readiness.RunAsync(context.RequestAborted).ConfigureAwait(false);
        var ready = results.All(r => r.Result.Healthy);
        await WriteJsonAsync(context, ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, json => ReadinessReport.Write(json, results)).ConfigureAwait(false);
    }

    private async Task WriteStatusPageAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        if (!gate.Allows(context.Request))
        {
            // No hint of what was wrong: a missing token and a wrong one look the same.
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        // Everything the page needs is in the page; nothing else may load or run.
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        response.ContentType = "text/html; charset=utf-8";
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await response.WriteAsync(StatusPage.Starting, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var html = StatusPage.Render(await status.CollectAsync(cancellationToken).ConfigureAwait(false));
        await response.WriteAsync(html, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            write(json);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
