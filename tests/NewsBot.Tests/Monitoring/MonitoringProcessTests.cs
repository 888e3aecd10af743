using System.Net;
using System.Net.Sockets;

namespace NewsBot.Tests.Monitoring;

/// <summary>What an operator does with a running bot: probe it, scrape it, open its status page.</summary>
public sealed class MonitoringProcessTests : FolderTest
{
    [Fact]
    public async Task RunningBot_AnswersReadyz_Metrics_AndTheStatusPageWithItsToken()
    {
        var port = FreePort();
        const string Token = "operator-token-0123456789";
        using var bot = NewsBotProcess.Start(Folder.Path, ["chat"], new Dictionary<string, string>
        {
            ["Monitoring__ListenUrl"] = $"http://127.0.0.1:{port}",
            ["Monitoring__AccessToken"] = Token,
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        string? ready = null;
        await bot.WaitUntilAsync(async () => (ready = await ReadyzAsync(http)) is not null, "/readyz to answer 200");

        Assert.Contains("\"status\": \"pass\"", ready, StringComparison.Ordinal);
        var metrics = new PrometheusText(await http.GetStringAsync("/metrics"));
        Assert.Equal(4, metrics.Value("newsbot_feed_fetches_total", ("outcome", "200")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/")).StatusCode);
        Assert.Contains("NewsBot status", await http.GetStringAsync("/?token=" + Token), StringComparison.Ordinal);
        bot.CloseInput();
        await bot.WaitAsync();
    }

    /// <summary>The readiness report, or null while the bot is not listening or not ready yet.</summary>
    private static async Task<string?> ReadyzAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/readyz");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
