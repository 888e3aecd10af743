using System.Net;
using System.Net.Sockets;

namespace NewsBot.Tests.Monitoring;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_WhileRunning_AnswersPass()
    {
        await using var host = await MonitoredHost.StartAsync();

        using var response = await host.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("pass", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_AfterStart_Answers200WithOneEntryPerCheck()
    {
        await using var host = await MonitoredHost.StartAsync();

        using var response = await host.Http.GetAsync("/readyz");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("pass", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(["started", "database", "feeds", "outbox"], checks.Keys);
        Assert.All(checks.Values, c => Assert.Equal("pass", c.GetProperty("status").GetString()));
        Assert.Contains("4 sources", checks["feeds"].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("0 pending", checks["outbox"].GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Readyz_WhenShuttingDown_Answers503AndNamesTheFailingCheck()
    {
        await using var host = await MonitoredHost.StartAsync();
        host.Get<IHostApplicationLifetime>().StopApplication();

        using var response = await host.Http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("fail", json.RootElement.GetProperty("status").GetString());
        var started = json.RootElement.GetProperty("checks").GetProperty("started");
        Assert.Equal("fail", started.GetProperty("status").GetString());
        Assert.Equal("shutting down", started.GetProperty("detail").GetString());
        Assert.Equal("pass", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task WhileStarting_ReadyzAndTheStatusPage_Answer503()
    {
        using var data = new TempDirectory();
        using var host = MonitoredHost.Build(MonitoredHost.Settings(data.Path));
        var server = host.Services.GetRequiredService<MonitoringServer>();
        await server.StartAsync(CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri(server.Addresses[0]) };

        using var ready = await http.GetAsync("/readyz");
        using var page = await http.GetAsync("/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks");
        Assert.StartsWith("starting", checks.GetProperty("started").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(ReadinessReport.NotYet, checks.GetProperty("database").GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("NewsBot is starting", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await server.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Start_AddressAlreadyInUse_StopsWithAMessageNamingTheSetting()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var message = await FailedStartMessageAsync(new() { ["Monitoring:ListenUrl"] = $"http://127.0.0.1:{port}" });

        Assert.Contains($"Monitoring:ListenUrl http://127.0.0.1:{port} cannot be used: the address is already in use", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadSettings.Of), "MonitoringListenUrl", MemberType = typeof(BadSettings))]
    public async Task Start_BadListenUrl_StopsWithAMessageNamingTheSetting(string key, string value, string expected)
    {
        var message = await FailedStartMessageAsync(new() { [key] = value });

        Assert.Contains(key, message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_AllAddressesWithoutToken_AsksForTheToken()
    {
        var message = await FailedStartMessageAsync(new() { ["Monitoring:ListenUrl"] = "http://0.0.0.0:0" });

        Assert.Contains("Monitoring:AccessToken must be set", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ShortToken_IsRefusedWithoutRepeatingIt()
    {
        var message = await FailedStartMessageAsync(new() { ["Monitoring:AccessToken"] = "hunter2" });

        Assert.Contains("Monitoring:AccessToken must be at least 16 characters", message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ListenUrlEmpty_OpensNoListener()
    {
        using var data = new TempDirectory();
        using var host = MonitoredHost.Build(MonitoredHost.Settings(data.Path, new() { ["Monitoring:ListenUrl"] = "" }));
        await host.StartAsync();

        Assert.Null(host.Services.GetService(typeof(NewsBot.Monitoring.MonitoringServer)));
        await host.StopAsync();
    }

    /// <summary>Starts a monitored host with these settings on a fresh data folder, and returns the line its failed start prints.</summary>
    private static async Task<string> FailedStartMessageAsync(Dictionary<string, string?> settings)
    {
        using var data = new TempDirectory();
        using var host = MonitoredHost.Build(MonitoredHost.Settings(data.Path, settings));
        return await FailedStart.MessageAsync(() => host.StartAsync());
    }
}
