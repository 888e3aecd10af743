using System.Net;
using System.Net.Http.Headers;

namespace NewsBot.Tests.Monitoring;

/// <summary>Who may open the status page, and what it is made of, over plain HTTP.</summary>
public sealed class StatusPageTests
{
    private const string Token = "0123456789abcdef-status";

    [Fact]
    public async Task StatusPage_WithoutToken_Is401WithNothingMoreSaid()
    {
        await using var host = await MonitoredHost.StartAsync(new() { ["Monitoring:AccessToken"] = Token });

        using var response = await host.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StatusPage_WrongToken_LooksExactlyLikeNoToken()
    {
        await using var host = await MonitoredHost.StartAsync(new() { ["Monitoring:AccessToken"] = Token });
        using var missing = await host.Http.GetAsync("/");

        using var wrongQuery = await host.Http.GetAsync("/?token=" + Token[..^1]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");
        using var wrongHeader = await host.Http.SendAsync(request);

        foreach (var response in new[] { wrongQuery, wrongHeader })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("", await response.Content.ReadAsStringAsync());
            Assert.Equal(missing.Content.Headers.ContentLength, response.Content.Headers.ContentLength);
        }
    }

    [Fact]
    public async Task StatusPage_TokenInTheAddressOrAsBearer_ShowsTheSelfContainedPage()
    {
        await using var host = await MonitoredHost.StartAsync(new() { ["Monitoring:AccessToken"] = Token });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var byQuery = await host.Http.GetAsync("/?token=" + Token);
        using var byHeader = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, byQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byHeader.StatusCode);
        Assert.Equal("text/html", byQuery.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("default-src 'none'", byQuery.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await byQuery.Content.ReadAsStringAsync();
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"30\">", html, StringComparison.Ordinal);
        foreach (var outside in new[] { "<script", "<link", " src=", "url(", "@import" })
        {
            Assert.DoesNotContain(outside, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task StatusPage_OnLoopbackWithoutAToken_IsOpen()
    {
        await using var host = await MonitoredHost.StartAsync();

        using var response = await host.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>NewsBot status</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusPage_FeedTextWithMarkup_IsShownAsText()
    {
        var page = Path.Combine(Path.GetTempPath(), "newsbot-tests", Guid.NewGuid().ToString("N") + ".html");
        Directory.CreateDirectory(Path.GetDirectoryName(page)!);
        await File.WriteAllTextAsync(page, "<html><body>not a feed</body></html>");
        await using var host = await MonitoredHost.StartAsync(new()
        {
            ["Feeds:Sources:4:Name"] = "<script>alert(1)</script> Gazette",
            ["Feeds:Sources:4:Url"] = page,
        });

        var html = await host.Http.GetStringAsync("/");

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Gazette", html, StringComparison.Ordinal);
        File.Delete(page);
    }
}
