using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsBot.Testing;

namespace NewsBot.Tests.Feeds;

public sealed class FeedFetcherTests
{
    private const string ETag = "\"rev-1\"";
    private static readonly DateTimeOffset LastModified = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Token => CancellationToken.None;

    [Fact]
    public async Task FetchAsync_Http200_ReturnsBodyWithValidatorsAndSendsFeedHeaders()
    {
        string? userAgent = null, accept = null, acceptEncoding = null;
        await using var server = await FeedServer.StartAsync(app => app.MapGet("/feed.xml", (HttpContext context) =>
        {
            userAgent = context.Request.Headers.UserAgent;
            accept = context.Request.Headers.Accept;
            acceptEncoding = context.Request.Headers.AcceptEncoding;
            return ServeFeed(context);
        }));
        using var harness = new FetcherHarness();

        var result = await harness.Fetcher.FetchAsync(server.Url("/feed.xml"), FetchConditions.None, Token);

        var success = Assert.IsType<FetchResult.Success>(result);
        Assert.Equal(Fixtures.Bytes("rss20_rfc822.xml"), success.Content);
        Assert.Equal("application/rss+xml", success.MediaType);
        Assert.Equal("utf-8", success.Charset);
        Assert.Equal(ETag, success.ETag);
        Assert.Equal(LastModified, success.LastModified);
        Assert.Equal(server.Url("/feed.xml"), success.FinalUrl?.ToString());
        Assert.Equal("NewsBot/1.0 (+https://github.com/newsbot)", userAgent);
        Assert.Contains("application/rss+xml", accept, StringComparison.Ordinal);
        Assert.Contains("application/atom+xml", accept, StringComparison.Ordinal);
        Assert.Contains("gzip", acceptEncoding, StringComparison.Ordinal);
        Assert.Contains("br", acceptEncoding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_MatchingETag_ReturnsNotModified()
    {
        string? ifNoneMatch = null;
        await using var server = await FeedServer.StartAsync(app => app.MapGet("/feed.xml", (HttpContext context) =>
        {
            ifNoneMatch = context.Request.Headers.IfNoneMatch;
            return ServeFeed(context);
        }));
        using var harness = new FetcherHarness();
        var first = Assert.IsType<FetchResult.Success>(await harness.Fetcher.FetchAsync(server.Url("/feed.xml"), FetchConditions.None, Token));

        var second = await harness.Fetcher.FetchAsync(server.Url("/feed.xml"), new FetchConditions(first.ETag, first.LastModified), Token);

        var notModified = Assert.IsType<FetchResult.NotModified>(second);
        Assert.Equal(ETag, ifNoneMatch);
        Assert.Equal(ETag, notModified.ETag);
        Assert.Equal(LastModified, notModified.LastModified);
    }

    [Fact]
    public async Task FetchAsync_LastModifiedOnly_SendsIfModifiedSinceAndReturnsNotModified()
    {
        await using var server = await FeedServer.StartAsync(app => app.MapGet("/feed.xml", ServeFeed));
        using var harness = new FetcherHarness();

        var result = await harness.Fetcher.FetchAsync(server.Url("/feed.xml"), new FetchConditions(null, LastModified), Token);

        Assert.IsType<FetchResult.NotModified>(result);
    }

    [Fact]
    public async Task FetchAsync_GzipResponse_IsDecompressed()
    {
        await using var server = await FeedServer.StartAsync(app => app.MapGet("/gzip.xml", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/rss+xml";
            context.Response.Headers.ContentEncoding = "gzip";
            using var compressed = new MemoryStream();
            await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                await gzip.WriteAsync(Fixtures.Bytes("atom10.xml"));
            }

            await context.Response.Body.WriteAsync(compressed.ToArray());
        }));
        using var harness = new FetcherHarness();

        var result = await harness.Fetcher.FetchAsync(server.Url("/gzip.xml"), FetchConditions.None, Token);

        var success = Assert.IsType<FetchResult.Success>(result);
        Assert.Equal(Fixtures.Bytes("atom10.xml"), success.Content);
        Assert.Equal("Atom 1.0", new FeedParser().Parse(success.Content, success.Charset, success.FinalUrl).Format);
    }

    [Fact]
    public async Task FetchAsync_EndlessBody_StopsAtMaxFeedBytes()
    {
        long written = 0;
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'x');
        await using var server = await FeedServer.StartAsync(app => app.MapGet("/endless", UnendingResponses.Flood(null, chunk, times: 1600, written: n => written += n)));
        using var harness = new FetcherHarness();

        var result = await harness.Fetcher.FetchAsync(server.Url("/endless"), FetchConditions.None, Token);

        var failure = Assert.IsType<FetchResult.Failure>(result);
        // How much the server managed to write before the connection closed depends on socket
        // buffers and machine load; what matters is that the client stopped and said why.
        Assert.Equal("The feed is larger than 2 MB (Feeds:MaxFeedBytes)", failure.Reason.English());
    }

    [Fact]
    public async Task FetchAsync_DeclaredLengthOverLimit_FailsWithoutReadingTheBody()
    {
        await using var server = await FeedServer.StartAsync(app => app.MapGet("/big", async (HttpContext context) =>
        {
            context.Response.ContentLength = 10_000;
            await context.Response.Body.WriteAsync(new byte[10_000]);
        }));
        using var harness = new FetcherHarness(new FeedsOptions { AllowPrivateAddresses = true, MaxFeedBytes = 4096 });

        var result = await harness.Fetcher.FetchAsync(server.Url("/big"), FetchConditions.None, Token);

        Assert.Equal("The feed is larger than 4 KB (Feeds:MaxFeedBytes)", Assert.IsType<FetchResult.Failure>(result).Reason.English());
    }

    [Fact]
    public async Task FetchAsync_SlowDripBody_StopsAtRequestTimeout()
    {
        await using var server = await FeedServer.StartAsync(app => app.MapGet("/slow", UnendingResponses.Drip("application/rss+xml", "<"u8.ToArray())));
        using var harness = new FetcherHarness(new FeedsOptions { AllowPrivateAddresses = true, RequestTimeout = TimeSpan.FromSeconds(1) });
        var stopwatch = Stopwatch.StartNew();

        var result = await harness.Fetcher.FetchAsync(server.Url("/slow"), FetchConditions.None, Token);

        stopwatch.Stop();
        Assert.Equal("The request timed out after 1 s (Feeds:RequestTimeout)", Assert.IsType<FetchResult.Failure>(result).Reason.English());
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task FetchAsync_Http404_ReturnsStatusAndReason()
    {
        await using var server = await FeedServer.StartAsync(app => app.MapGet("/other", () => "x"));
        using var harness = new FetcherHarness();

        var result = await harness.Fetcher.FetchAsync(server.Url("/missing.xml"), FetchConditions.None, Token);

        var failure = Assert.IsType<FetchResult.Failure>(result);
        Assert.Equal("HTTP 404 Not Found", failure.Reason.English());
        Assert.Equal(404, failure.StatusCode);
    }

    [Fact]
    public async Task FetchAsync_Http503WithRetryAfter_CarriesTheDelay()
    {
        await using var server = await FeedServer.StartAsync(app => app.MapGet("/busy", (HttpContext context) =>
        {
            context.Response.Headers.RetryAfter = "120";
            return Results.StatusCode(503);
        }));
        using var harness = new FetcherHarness();

        var result = await harness.Fetcher.FetchAsync(server.Url("/busy"), FetchConditions.None, Token);

        var failure = Assert.IsType<FetchResult.Failure>(result);
        Assert.Equal("HTTP 503 Service Unavailable", failure.Reason.English());
        Assert.Equal(TimeSpan.FromSeconds(120), failure.RetryAfter);
    }

    [Fact]
    public async Task FetchAsync_Redirect_FollowsItAndReportsTheFinalUrl()
    {
        await using var server = await FeedServer.StartAsync(app =>
        {
            app.MapGet("/old", () => Results.Redirect("/feed.xml", permanent: true));
            app.MapGet("/feed.xml", ServeFeed);
        });
        using var harness = new FetcherHarness();

        var result = await harness.Fetcher.FetchAsync(server.Url("/old"), FetchConditions.None, Token);

        Assert.Equal(server.Url("/feed.xml"), Assert.IsType<FetchResult.Success>(result).FinalUrl?.ToString());
    }

    [Fact]
    public async Task FetchAsync_LoopbackWhilePrivateAddressesDisallowed_IsRefused()
    {
        var requests = 0;
        await using var server = await FeedServer.StartAsync(app => app.MapGet("/feed.xml", (HttpContext context) =>
        {
            Interlocked.Increment(ref requests);
            return ServeFeed(context);
        }));
        using var harness = new FetcherHarness(new FeedsOptions { AllowPrivateAddresses = false });

        var result = await harness.Fetcher.FetchAsync(server.Url("/feed.xml"), FetchConditions.None, Token);

        var failure = Assert.IsType<FetchResult.Failure>(result);
        Assert.Contains("Feeds:AllowPrivateAddresses", failure.Reason.English(), StringComparison.Ordinal);
        Assert.Equal(0, requests);
    }

    [Fact]
    public async Task FetchAsync_ConnectionRefused_SaysSo()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        using var harness = new FetcherHarness();

        var result = await harness.Fetcher.FetchAsync($"http://127.0.0.1:{port}/feed.xml", FetchConditions.None, Token);

        Assert.Equal($"Connection refused by 127.0.0.1:{port}", Assert.IsType<FetchResult.Failure>(result).Reason.English());
    }

    [Fact]
    public async Task FetchAsync_CallerCancels_ThrowsOperationCanceled()
    {
        await using var server = await FeedServer.StartAsync(app => app.MapGet("/hang", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }));
        using var harness = new FetcherHarness();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => harness.Fetcher.FetchAsync(server.Url("/hang"), FetchConditions.None, cancellation.Token));
    }

    [Fact]
    public async Task FetchAsync_MissingFile_ReturnsClearFailure()
    {
        using var harness = new FetcherHarness();

        var result = await harness.Fetcher.FetchAsync("Samples/does-not-exist.xml", FetchConditions.None, Token);

        var failure = Assert.IsType<FetchResult.Failure>(result);
        Assert.Equal($"Feed file not found: {Path.Combine(Fixtures.Directory, "Samples", "does-not-exist.xml")}", failure.Reason.English());
    }

    [Fact]
    public async Task FetchAsync_RelativeFilePath_ResolvesAgainstContentRoot()
    {
        using var harness = new FetcherHarness();

        var result = await harness.Fetcher.FetchAsync("rss10_rdf.xml", FetchConditions.None, Token);

        var success = Assert.IsType<FetchResult.Success>(result);
        Assert.Equal(Fixtures.Bytes("rss10_rdf.xml"), success.Content);
        Assert.Null(success.FinalUrl);
        Assert.NotNull(success.LastModified);
    }

    [Fact]
    public async Task FetchAsync_UnchangedFile_ReturnsNotModified()
    {
        using var harness = new FetcherHarness();
        var first = Assert.IsType<FetchResult.Success>(await harness.Fetcher.FetchAsync(Fixtures.PathOf("atom10.xml"), FetchConditions.None, Token));

        var second = await harness.Fetcher.FetchAsync(Fixtures.PathOf("atom10.xml"), new FetchConditions(null, first.LastModified), Token);

        Assert.IsType<FetchResult.NotModified>(second);
    }

    [Fact]
    public async Task FetchAsync_FileOverLimit_Fails()
    {
        using var harness = new FetcherHarness(new FeedsOptions { MaxFeedBytes = 1024 });

        var result = await harness.Fetcher.FetchAsync(Fixtures.PathOf("rss20_rfc822.xml"), FetchConditions.None, Token);

        Assert.Equal("The feed is larger than 1 KB (Feeds:MaxFeedBytes)", Assert.IsType<FetchResult.Failure>(result).Reason.English());
    }

    [Theory]
    [InlineData("ftp://example.com/feed.xml", "'ftp://example.com/feed.xml' uses the unsupported scheme 'ftp'; expected an http(s) URL or a file path")]
    [InlineData("", "'' is empty; expected an http(s) URL or a file path")]
    public async Task FetchAsync_UnusableLocation_Fails(string source, string reason)
    {
        using var harness = new FetcherHarness();

        var result = await harness.Fetcher.FetchAsync(source, FetchConditions.None, Token);

        Assert.Equal(reason, Assert.IsType<FetchResult.Failure>(result).Reason.English());
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("224.0.0.1", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("8.8.8.8", false)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("::ffff:93.184.216.34", false)]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946", false)]
    [InlineData("64:ff9b::a9fe:a9fe", true)]
    [InlineData("64:ff9b::5db8:d822", true)]
    [InlineData("64:ff9b:1::a01:203", true)]
    [InlineData("2002:a9fe:a9fe::1", true)]
    [InlineData("2002:7f00:1::", true)]
    [InlineData("::a9fe:a9fe", true)]
    [InlineData("::10.1.2.3", true)]
    [InlineData("::", true)]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", true)]
    [InlineData("2001:db8::1", true)]
    [InlineData("3fff:fff::1", true)]
    [InlineData("100::1", true)]
    [InlineData("192.0.2.10", true)]
    [InlineData("198.51.100.7", true)]
    [InlineData("203.0.113.200", true)]
    [InlineData("192.88.99.1", true)]
    [InlineData("203.0.114.1", false)]
    [InlineData("2001:4860:4860::8888", false)]
    [InlineData("2a00:1450:4001:82a::200e", false)]
    public void IsRefusedRange_Address_ClassifiesLocalDocumentationAndTunnelRanges(string address, bool expected)
    {
        Assert.Equal(expected, AddressGuard.IsRefusedRange(IPAddress.Parse(address)));
    }

    [Fact]
    public void IsRefused_AnAddressOfThisMachine_IsRefusedWhateverItsRange()
    {
        var own = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address)
            .ToList();
        var guard = new AddressGuard(TimeProvider.System);

        Assert.NotEmpty(own);
        Assert.All(own, address => Assert.True(guard.IsRefused(address), $"{address} belongs to this machine"));
        Assert.False(guard.IsRefused(IPAddress.Parse("93.184.216.34")));
    }

    [Fact]
    public void CreateHandler_NoProxySetting_IgnoresTheEnvironmentProxy()
    {
        using var handler = GuardedConnector.CreateHandler(new FixedOptionsMonitor<FeedsOptions>(new FeedsOptions()));

        Assert.False(handler.UseProxy);
        Assert.Null(handler.Proxy);
    }

    [Fact]
    public void CreateHandler_ProxySetting_RoutesThroughThatProxyOnly()
    {
        using var handler = GuardedConnector.CreateHandler(new FixedOptionsMonitor<FeedsOptions>(new FeedsOptions { Proxy = "http://proxy.internal:3128" }));

        Assert.True(handler.UseProxy);
        Assert.Equal(new Uri("http://proxy.internal:3128/"), handler.Proxy!.GetProxy(new Uri("http://10.1.2.3/feed.xml")));
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.1.2.3/feed.xml")]
    [InlineData("http://127.0.0.1/feed.xml")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/feed.xml")]
    [InlineData("http://[2002:a01:203::1]/feed.xml")]
    public async Task FetchAsync_ThroughProxyToPrivateTarget_IsRefusedBeforeTheProxySeesIt(string target)
    {
        var proxied = new List<string>();
        await using var proxy = await FeedServer.StartAsync(app => app.Run(context =>
        {
            lock (proxied)
            {
                proxied.Add(context.Request.Host.Value ?? "");
            }

            return ServeFeed(context).ExecuteAsync(context);
        }));
        using var harness = new FetcherHarness(new FeedsOptions { AllowPrivateAddresses = false, Proxy = proxy.BaseUri.ToString() });

        var result = await harness.Fetcher.FetchAsync(target, FetchConditions.None, Token);

        var failure = Assert.IsType<FetchResult.Failure>(result);
        Assert.Contains("Feeds:AllowPrivateAddresses", failure.Reason.English(), StringComparison.Ordinal);
        Assert.Empty(proxied);
    }

    [Fact]
    public async Task FetchAsync_ThroughProxyToPublicTarget_AsksTheProxyForTheTarget()
    {
        var proxied = new List<string>();
        await using var proxy = await FeedServer.StartAsync(app => app.Run(context =>
        {
            lock (proxied)
            {
                proxied.Add((context.Request.Host.Value ?? "") + context.Request.Path.Value);
            }

            return ServeFeed(context).ExecuteAsync(context);
        }));
        using var harness = new FetcherHarness(new FeedsOptions { AllowPrivateAddresses = false, Proxy = proxy.BaseUri.ToString() });

        var result = await harness.Fetcher.FetchAsync("http://93.184.216.34/feed.xml", FetchConditions.None, Token);

        Assert.Equal(Fixtures.Bytes("rss20_rfc822.xml"), Assert.IsType<FetchResult.Success>(result).Content);
        Assert.Equal(["93.184.216.34/feed.xml"], proxied);
    }

    private static IResult ServeFeed(HttpContext context)
    {
        var requestHeaders = context.Request.GetTypedHeaders();
        if (context.Request.Headers.IfNoneMatch == ETag
            || (requestHeaders.IfModifiedSince is { } since && since >= LastModified))
        {
            context.Response.Headers.ETag = ETag;
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        context.Response.Headers.ETag = ETag;
        context.Response.GetTypedHeaders().LastModified = LastModified;
        return Results.Bytes(Fixtures.Bytes("rss20_rfc822.xml"), "application/rss+xml; charset=utf-8");
    }
}
