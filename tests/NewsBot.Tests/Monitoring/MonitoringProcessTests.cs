using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NewsBot.Tests.Fakes;

namespace NewsBot.Tests.Monitoring;

/// <summary>What an operator does with a running bot: probe it, scrape it, open its status page.</summary>
public sealed class MonitoringProcessTests : IDisposable
{
    private readonly TempDirectory _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task RunningBot_AnswersReadyz_Metrics_AndTheStatusPageWithItsToken()
    {
        var port = FreePort();
        const string Token = "operator-token-0123456789";
        using var bot = NewsBotProcess.Start(_work.Path, ["chat"], new Dictionary<string, string>
        {
            ["Monitoring__ListenUrl"] = $"http://127.0.0.1:{port}",
            ["Monitoring__AccessToken"] = Token,
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            var ready = await PollReadyAsync(http, bot);
            Assert.Contains("\"status\": \"pass\"", ready, StringComparison.Ordinal);

            var metrics = new PrometheusText(await http.GetStringAsync("/metrics"));
            Assert.Equal(4, metrics.Value("newsbot_feed_fetches_total", ("outcome", "200")));
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/")).StatusCode);
            Assert.Contains("NewsBot status", await http.GetStringAsync("/?token=" + Token), StringComparison.Ordinal);
        }
        finally
        {
            bot.Process.StandardInput.Close();
            await bot.WaitAsync();
        }
    }

    private static async Task<string> PollReadyAsync(HttpClient http, NewsBotProcess bot)
    {
        var deadline = DateTime.UtcNow + NewsBotProcess.Limit;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("/readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return await response.Content.ReadAsStringAsync();
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (bot.Process.HasExited || DateTime.UtcNow > deadline)
            {
                Assert.Fail("the bot never became ready: " + (bot.Process.HasExited ? await bot.Errors : "still starting"));
            }

            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
