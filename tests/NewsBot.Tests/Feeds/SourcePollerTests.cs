using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsBot.Tests.Feeds;

public sealed class SourcePollerTests : IDisposable
{
    private readonly PollingHarness _polling = new(new FeedsOptions { DisableAfterFailures = 3, RequestTimeout = TimeSpan.FromSeconds(15), MaxFeedBytes = 64 * 1024 });

    public void Dispose() => _polling.Dispose();

    [Fact]
    public async Task Poll_ETagThen304_StoresOnceAndSendsTheValidator()
    {
        var hits = new List<string?>();
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", (HttpContext c) =>
        {
            hits.Add(c.Request.Headers.IfNoneMatch.ToString());
            if (c.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                return Results.StatusCode(304);
            }

            c.Response.Headers.ETag = "\"v1\"";
            return Results.Text(FeedSamples.Rss(3), "application/rss+xml");
        }));
        var source = await _polling.AddAsync(site.Url("/feed"));

        var first = await _polling.PollAsync(source);
        var second = await _polling.PollAsync(source);

        Assert.Equal(["", "\"v1\""], hits);
        Assert.Equal(3, await _polling.Articles.CountAsync(CancellationToken.None));
        Assert.Equal(3, second.ItemCount);
        Assert.Null(second.LastError);
        Assert.Equal("\"v1\"", first.ETag);
        Assert.Equal(TestBot.Now, second.LastSuccessAt);
    }

    [Fact]
    public async Task Poll_FirstFetchIsBacklog_LaterItemsAreNew()
    {
        var count = 2;
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", () => Results.Text(FeedSamples.Rss(count), "application/rss+xml")));
        var source = await _polling.AddAsync(site.Url("/feed"));

        await _polling.PollAsync(source);
        count = 3;
        await _polling.PollAsync(source);

        var all = (await _polling.Articles.ReadAllAsync(CancellationToken.None).ToListAsync()).ToList();
        Assert.Equal(3, all.Count);
        Assert.Equal(["Story number 3 from story"], all.Where(a => a.IsNew).Select(a => a.Title));
    }

    [Fact]
    public async Task Poll_FeedListingMoreThanMaxItemsPerRead_TakesTheNewestAndSaysSoInItsHealth()
    {
        _polling.Options.MaxItemsPerRead = 10;
        // Oldest first, as some feeds list them: the newest ten are the last ten.
        var items = string.Concat(Enumerable.Range(1, 40).Select(n =>
            $"<item><guid>id-{n}</guid><title>Story {n}</title><link>https://wire.example/{n}</link><pubDate>{FeedSamples.Published.AddHours(n - 40):r}</pubDate></item>"));
        var xml = $"<rss version=\"2.0\"><channel><title>Oldest first</title>{items}</channel></rss>";
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", () => Results.Text(xml, "application/rss+xml")));

        var source = await _polling.PollAsync(await _polling.AddAsync(site.Url("/feed")));

        var stored = (await _polling.Articles.ReadAllAsync(CancellationToken.None).ToListAsync()).Select(a => a.Title).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(31, 10).Select(n => $"Story {n}").Order(StringComparer.Ordinal), stored);
        Assert.Equal(30, source.ItemsLeftOut);
        Assert.EndsWith("; the last read listed too many items, and 30 older items were left out", SourceHealthText.Describe(source, TestBot.Now, LanguageCatalog.Default.For(LanguageCatalog.EnglishCode)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_FeedWithinMaxItemsPerRead_TakesEverythingAndClearsTheNote()
    {
        _polling.Options.MaxItemsPerRead = 10;
        var count = 25;
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", () => Results.Text(FeedSamples.Rss(count), "application/rss+xml")));
        var source = await _polling.AddAsync(site.Url("/feed"));
        Assert.Equal(15, (await _polling.PollAsync(source)).ItemsLeftOut);

        count = 5;
        var after = await _polling.PollAsync(source);

        Assert.Equal(0, after.ItemsLeftOut);
        Assert.DoesNotContain("left out", SourceHealthText.Describe(after, TestBot.Now, LanguageCatalog.Default.For(LanguageCatalog.EnglishCode)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_SameBodyResentWithoutValidators_IsRecognisedByItsHashAndChangesNothing()
    {
        var count = 3;
        var hits = 0;
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", () =>
        {
            Interlocked.Increment(ref hits);
            return Results.Text(FeedSamples.Rss(count), "application/rss+xml");
        }));
        var source = await _polling.AddAsync(site.Url("/feed"));
        var first = await _polling.PollAsync(source);

        var second = await _polling.PollAsync(source);
        count = 4;
        var third = await _polling.PollAsync(source);

        Assert.Equal(3, hits);
        Assert.NotNull(first.ContentHash);
        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.Equal(first.CurrentItemKeys, second.CurrentItemKeys);
        Assert.Equal(3, second.ItemCount);
        Assert.Null(second.LastError);
        Assert.NotEqual(first.ContentHash, third.ContentHash);
        Assert.Equal(4, third.ItemCount);
        Assert.Equal(4, await _polling.Articles.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Poll_TemporaryRedirects_AreFollowedWithoutMovingTheSource()
    {
        await using var site = await FeedServer.StartAsync(app =>
        {
            app.MapGet("/a", () => Results.Redirect("/b"));
            app.MapGet("/b", () => Results.Redirect("/feed", permanent: false, preserveMethod: true));
            app.MapGet("/feed", () => Results.Text(FeedSamples.Rss(2), "application/rss+xml"));
        });

        var source = await _polling.PollAsync(await _polling.AddAsync(site.Url("/a")));

        Assert.Null(source.LastError);
        Assert.Null(source.MovedTo);
        Assert.Equal(2, source.ItemCount);
    }

    [Fact]
    public async Task Poll_PermanentMove_IsRememberedAndUsedNextTime()
    {
        var oldHits = 0;
        await using var site = await FeedServer.StartAsync(app =>
        {
            app.MapGet("/old", () =>
            {
                Interlocked.Increment(ref oldHits);
                return Results.Redirect("/new", permanent: true);
            });
            app.MapGet("/new", () => Results.Text(FeedSamples.Rss(2), "application/rss+xml"));
        });
        var source = await _polling.AddAsync(site.Url("/old"));

        var moved = await _polling.PollAsync(source);
        await _polling.PollAsync(source);

        Assert.Equal(site.Url("/new"), moved.MovedTo);
        Assert.Equal(site.Url("/old"), moved.Url);
        Assert.Equal(1, oldHits);
    }

    [Fact]
    public async Task Poll_RedirectLoop_FailsWithAClearReason()
    {
        await using var site = await FeedServer.StartAsync(app =>
        {
            app.MapGet("/ping", () => Results.Redirect("/pong"));
            app.MapGet("/pong", () => Results.Redirect("/ping"));
        });

        var source = await _polling.PollAsync(await _polling.AddAsync(site.Url("/ping")));

        Assert.Contains("Too many redirects", Shown(source), StringComparison.Ordinal);
        Assert.Equal(1, source.ConsecutiveFailures);
        Assert.Equal(TestBot.Now.AddMinutes(5), source.NextPollAt);
    }

    [Fact]
    public async Task Poll_RepeatedFailures_BackOffThenDisableAndTellAdminsOnce()
    {
        var hits = 0;
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", () =>
        {
            Interlocked.Increment(ref hits);
            return Results.StatusCode(500);
        }));
        var source = await _polling.AddAsync(site.Url("/feed"), "Broken Wire");

        var first = await _polling.PollAsync(source);
        var second = await _polling.PollAsync(source);
        var third = await _polling.PollAsync(source);
        _polling.Bot.Time.Advance(TimeSpan.FromDays(3));
        await _polling.PollDueAsync();

        Assert.Equal(TestBot.Now.AddMinutes(5), first.NextPollAt);
        Assert.Equal(TestBot.Now.AddMinutes(10), second.NextPollAt);
        Assert.False(third.Enabled);
        Assert.Equal(StoredText.Of("feedError.http", ("code", "500"), ("phrase", "Internal Server Error")), third.LastError);
        Assert.Equal("HTTP 500 Internal Server Error", Shown(third));
        var notice = Assert.Single(_polling.Admins.Messages);
        Assert.Contains("Broken Wire", notice, StringComparison.Ordinal);
        Assert.Equal(3, hits);
    }

    [Fact]
    public async Task Poll_DisablingRunAgainAfterAStopBeforeTheSave_TellsAboutTheSameEvent_ALaterDisablingAboutAnother()
    {
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", () => Results.StatusCode(500)));
        var source = await _polling.AddAsync(site.Url("/feed"), "Broken Wire");
        await _polling.PollAsync(source);
        _polling.Bot.Time.Advance(TimeSpan.FromMinutes(5));
        var beforeTheLast = await _polling.PollAsync(source);
        _polling.Bot.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.False((await _polling.PollAsync(source)).Enabled);
        // As if the bot had stopped after telling the admins and before saving the source.
        await _polling.Sources.SaveAsync(beforeTheLast, CancellationToken.None);
        Assert.False((await _polling.PollAsync(source)).Enabled);

        await _polling.AddAsync(site.Url("/feed"), "Broken Wire");
        for (var i = 0; i < 3; i++)
        {
            _polling.Bot.Time.Advance(TimeSpan.FromHours(1));
            await _polling.PollAsync(source);
        }

        var told = _polling.Admins.Notices.Select(n => n.EventKey).ToList();
        Assert.Equal(3, told.Count);
        Assert.Equal(told[0], told[1]);
        Assert.NotEqual(told[0], told[2]);
    }

    [Fact]
    public async Task Poll_ServiceUnavailableWithRetryAfter_WaitsAsLongAsAsked()
    {
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", (HttpContext c) =>
        {
            c.Response.Headers.RetryAfter = "3600";
            return Results.StatusCode(503);
        }));

        var source = await _polling.PollAsync(await _polling.AddAsync(site.Url("/feed")));

        Assert.Equal(TestBot.Now.AddHours(1), source.NextPollAt);
    }

    [Fact]
    public async Task Poll_CacheControlMaxAge_StretchesTheInterval()
    {
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", (HttpContext c) =>
        {
            c.Response.Headers.CacheControl = "public, max-age=7200";
            return Results.Text(FeedSamples.Rss(1), "application/rss+xml");
        }));

        var source = await _polling.PollAsync(await _polling.AddAsync(site.Url("/feed")));

        Assert.InRange(source.NextPollAt!.Value, TestBot.Now.AddHours(1), TestBot.Now.AddHours(3));
    }

    [Fact]
    public async Task Poll_RssTtl_StretchesTheIntervalWithinTheMaximum()
    {
        _polling.Options.MaxPollInterval = TimeSpan.FromHours(1);
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", () =>
            Results.Text(FeedSamples.Rss([("a", "A story", "https://wire.example/a")], ttlMinutes: 24 * 60), "application/rss+xml")));

        var source = await _polling.PollAsync(await _polling.AddAsync(site.Url("/feed")));

        Assert.InRange(source.NextPollAt!.Value, TestBot.Now.AddMinutes(30), TestBot.Now.AddMinutes(90));
    }

    [Fact]
    public async Task Poll_GzipResponse_IsDecompressed()
    {
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", async (HttpContext c) =>
        {
            c.Response.ContentType = "application/rss+xml";
            c.Response.Headers.ContentEncoding = "gzip";
            await using var gzip = new GZipStream(c.Response.Body, CompressionLevel.Fastest);
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(FeedSamples.Rss(4)));
        }));

        var source = await _polling.PollAsync(await _polling.AddAsync(site.Url("/feed")));

        Assert.Null(source.LastError);
        Assert.Equal(4, source.ItemCount);
    }

    [Fact]
    public async Task Poll_Windows1251Feed_StoresReadableCyrillic()
    {
        var bytes = Fixtures.Bytes("rss20_cp1251.xml");
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", () => Results.Bytes(bytes, "application/rss+xml")));

        await _polling.PollAsync(await _polling.AddAsync(site.Url("/feed")));

        Assert.Contains(await _polling.Articles.ReadAllAsync(CancellationToken.None).ToListAsync(), a => a.Title.Any(c => c is >= 'А' and <= 'я'));
    }

    [Theory]
    [InlineData("rss20_unescaped_amp.xml")]
    [InlineData("rss20_invalid_chars.xml")]
    [InlineData("rss20_leading_ws.xml")]
    public async Task Poll_SlightlyBrokenXml_IsRepairedAndStored(string fixture)
    {
        var bytes = Fixtures.Bytes(fixture);
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", () => Results.Bytes(bytes, "application/rss+xml")));

        var source = await _polling.PollAsync(await _polling.AddAsync(site.Url("/feed")));

        Assert.Null(source.LastError);
        Assert.True(source.ItemCount > 0);
    }

    [Theory]
    [InlineData("truncated.xml", "XML")]
    [InlineData("billion_laughs.xml", "entit")]
    [InlineData("html_page.html", "HTML web page")]
    public async Task Poll_NotAUsableFeed_StoresNothingAndSaysWhy(string fixture, string reason)
    {
        var bytes = Fixtures.Bytes(fixture);
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", () => Results.Bytes(bytes, "text/xml")));

        var source = await _polling.PollAsync(await _polling.AddAsync(site.Url("/feed")));

        Assert.Contains(reason, Shown(source), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await _polling.Articles.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Poll_SlowDrip_IsCutOffByTheRequestTimeout()
    {
        _polling.Options.RequestTimeout = TimeSpan.FromSeconds(1);
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", async (HttpContext c) =>
        {
            c.Response.ContentType = "application/rss+xml";
            for (var i = 0; i < 100 && !c.RequestAborted.IsCancellationRequested; i++)
            {
                await c.Response.WriteAsync(" ", c.RequestAborted);
                await c.Response.Body.FlushAsync(c.RequestAborted);
                await Task.Delay(100, c.RequestAborted);
            }
        }));

        var source = await _polling.PollAsync(await _polling.AddAsync(site.Url("/feed")));

        Assert.Contains("timed out", Shown(source), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_EndlessBody_IsCutOffAtTheSizeLimit()
    {
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", async (HttpContext c) =>
        {
            c.Response.ContentType = "application/rss+xml";
            var chunk = Encoding.ASCII.GetBytes(new string('x', 8192));
            for (var i = 0; i < 1000 && !c.RequestAborted.IsCancellationRequested; i++)
            {
                await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
            }
        }));

        var source = await _polling.PollAsync(await _polling.AddAsync(site.Url("/feed")));

        Assert.Contains("Feeds:MaxFeedBytes", Shown(source), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_ChangingGuids_AddNothingAndTheSourceSaysSo()
    {
        var round = 0;
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", () =>
            Results.Text(FeedSamples.Rss(Enumerable.Range(1, 3).Select(n => ($"guid-{round}-{n}", $"Story {n}", $"https://wire.example/{n}"))), "application/rss+xml")));
        var source = await _polling.AddAsync(site.Url("/feed"));

        await _polling.PollAsync(source);
        round = 1;
        var after = await _polling.PollAsync(source);
        round = 2;
        await _polling.PollAsync(source);

        Assert.Equal(3, await _polling.Articles.CountAsync(CancellationToken.None));
        Assert.Contains("new ids", StoredText.InEnglish(after.Note!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_ReRankedFeed_AddsNothing()
    {
        var items = Enumerable.Range(1, 5).Select(n => ($"id-{n}", $"Story {n}", $"https://wire.example/{n}")).ToList();
        var order = items;
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", () => Results.Text(FeedSamples.Rss(order), "application/rss+xml")));
        var source = await _polling.AddAsync(site.Url("/feed"));

        await _polling.PollAsync(source);
        order = [items[3], items[0], items[4], items[2], items[1]];
        var after = await _polling.PollAsync(source);

        Assert.Equal(5, await _polling.Articles.CountAsync(CancellationToken.None));
        Assert.Equal(5, after.ItemCount);
    }

    [Fact]
    public async Task Poll_HostResolvingToAPrivateAddress_IsRefused()
    {
        _polling.Options.AllowPrivateAddresses = false;
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", () => Results.Text(FeedSamples.Rss(1), "application/rss+xml")));
        var url = site.Url("/feed").Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        var source = await _polling.PollAsync(await _polling.AddAsync(url));

        Assert.Contains("private or local address", Shown(source), StringComparison.Ordinal);
        Assert.Equal(0, await _polling.Articles.CountAsync(CancellationToken.None));
    }

    /// <summary>The source's last error as an English reader sees it.</summary>
    private static string Shown(FeedSource source) => Fakes.Shown.InEnglish(source.LastError);
}
