using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsBot.Tests.Feeds;

public sealed class FeedProbeTests : IDisposable
{
    private readonly FetcherHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private FeedProbe Probe => new(_harness.Fetcher, new FeedParser());

    [Fact]
    public async Task Probe_Feed_ReturnsItsTitleAndItemCount()
    {
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", () => Results.Text(FeedSamples.Rss(4), "application/rss+xml")));

        var result = await Probe.ProbeAsync(site.Url("/feed"), CancellationToken.None);

        Assert.Equal(site.Url("/feed"), result.FeedUrl);
        Assert.Equal("Fake wire", result.Title);
        Assert.Equal(4, result.ItemCount);
        Assert.False(result.DiscoveredFromPage);
    }

    [Fact]
    public async Task Probe_WebPageLinkingItsFeed_FindsTheFeed()
    {
        await using var site = await FeedServer.StartAsync(app =>
        {
            app.MapGet("/", () => Results.Content(
                "<!doctype html><html><head><title>Wire</title><link rel=\"stylesheet\" href=\"/s.css\"><link rel=\"alternate\" type=\"application/rss+xml\" title=\"RSS\" href=\"/rss.xml\"></head><body>News</body></html>",
                "text/html"));
            app.MapGet("/rss.xml", () => Results.Text(FeedSamples.Rss(2), "application/rss+xml"));
        });

        var result = await Probe.ProbeAsync(site.Url("/"), CancellationToken.None);

        Assert.Equal(site.Url("/rss.xml"), result.FeedUrl);
        Assert.True(result.DiscoveredFromPage);
    }

    [Fact]
    public async Task Probe_WebPageWithoutFeed_SaysSo()
    {
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/", () => Results.Content("<html><head><title>Shop</title></head><body>Buy</body></html>", "text/html")));

        var result = await Probe.ProbeAsync(site.Url("/"), CancellationToken.None);

        Assert.False(result.IsFeed);
        Assert.Contains("does not link to a feed", result.Problem!.English(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("ftp://feeds.example/rss")]
    public async Task Probe_NotAWebAddress_IsRefusedWithoutReadingAnything(string url)
    {
        var result = await Probe.ProbeAsync(url, CancellationToken.None);

        Assert.False(result.IsFeed);
        Assert.Contains("http://", result.Problem!.English(), StringComparison.Ordinal);
    }
}
