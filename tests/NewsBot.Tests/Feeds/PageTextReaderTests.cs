using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsBot.Core.Reading;

namespace NewsBot.Tests.Feeds;

/// <summary>Article pages read through the feed fetcher from a real loopback site, and their main text extracted.</summary>
public sealed class PageTextReaderTests
{
    private static CancellationToken Token => CancellationToken.None;

    [Fact]
    public async Task Read_OfAClutteredPage_KeepsTheStory_AndDropsNavigationAdsSidebarAndComments()
    {
        await using var server = await FeedServer.StartAsync(app => app.MapGet("/story", () => Results.Content(ArticlePages.Cluttered(), "text/html; charset=utf-8")));
        using var harness = new FetcherHarness();
        using var reader = new PageTextReader(harness.Fetcher, NullLogger<PageTextReader>.Instance);

        var page = await reader.ReadAsync(server.Url("/story"), Token);

        Assert.Equal(FullTextProblem.None, page.Problem);
        Assert.Contains(ArticlePages.StoryStart, page.Text, StringComparison.Ordinal);
        Assert.Contains(ArticlePages.StoryEnd, page.Text, StringComparison.Ordinal);
        Assert.Contains("Paragraph 8 of the report", page.Text, StringComparison.Ordinal);
        foreach (var clutter in new[] { "Log in to Harbour Post", "BUY CHEAP WATCHES", "Celebrity gossip", "FIRST COMMENT", "Cookie settings", "NAV-SCRIPT-SECRET" })
        {
            Assert.DoesNotContain(clutter, page.Text, StringComparison.Ordinal);
        }

        Assert.Contains('\n', page.Text);
        Assert.DoesNotContain('<', page.Text);
    }

    [Fact]
    public async Task Read_OfAPageWithoutAStory_SaysThereIsNoText()
    {
        await using var server = await FeedServer.StartAsync(app => app.MapGet("/menu", () => Results.Content(ArticlePages.NoStory(), "text/html")));
        using var harness = new FetcherHarness();
        using var reader = new PageTextReader(harness.Fetcher, NullLogger<PageTextReader>.Instance);

        var page = await reader.ReadAsync(server.Url("/menu"), Token);

        Assert.Equal(FullTextProblem.NoText, page.Problem);
        Assert.Equal("", page.Text);
    }

    [Fact]
    public async Task Read_OfSomethingThatIsNotHtml_SaysSo()
    {
        await using var server = await FeedServer.StartAsync(app => app.MapGet("/file.pdf", () => Results.Bytes("%PDF-1.7 not a page"u8.ToArray(), "application/pdf")));
        using var harness = new FetcherHarness();
        using var reader = new PageTextReader(harness.Fetcher, NullLogger<PageTextReader>.Instance);

        var page = await reader.ReadAsync(server.Url("/file.pdf"), Token);

        Assert.Equal(FullTextProblem.NotHtml, page.Problem);
    }

    [Fact]
    public async Task Read_OfAPageThatNeverEnds_StopsAtTheSizeLimit()
    {
        await using var server = await FeedServer.StartAsync(app => app.MapGet("/huge", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            var chunk = Encoding.UTF8.GetBytes("<p>" + new string('x', 64 * 1024) + "</p>");
            try
            {
                // 50 MB at most, so a broken client cannot keep the server writing forever.
                for (var i = 0; i < 800 && !context.RequestAborted.IsCancellationRequested; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (IOException)
            {
            }
        }));
        using var harness = new FetcherHarness();
        using var reader = new PageTextReader(harness.Fetcher, NullLogger<PageTextReader>.Instance);

        var page = await reader.ReadAsync(server.Url("/huge"), Token);

        Assert.Equal(FullTextProblem.TooLarge, page.Problem);
    }

    [Fact]
    public async Task Read_OfAPageThatDripsIn_StopsAtTheTimeLimit()
    {
        await using var server = await FeedServer.StartAsync(app => app.MapGet("/slow", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            try
            {
                for (var i = 0; i < 40 && !context.RequestAborted.IsCancellationRequested; i++)
                {
                    await context.Response.Body.WriteAsync("<p>"u8.ToArray(), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    await Task.Delay(250, context.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (IOException)
            {
            }
        }));
        using var harness = new FetcherHarness(new FeedsOptions { AllowPrivateAddresses = true, RequestTimeout = TimeSpan.FromSeconds(1) });
        using var reader = new PageTextReader(harness.Fetcher, NullLogger<PageTextReader>.Instance);

        var page = await reader.ReadAsync(server.Url("/slow"), Token);

        Assert.Equal(FullTextProblem.TimedOut, page.Problem);
    }

    [Fact]
    public async Task Read_OfALoopbackPage_WithoutPermission_IsRefusedByTheAddressGuard()
    {
        var requests = 0;
        await using var server = await FeedServer.StartAsync(app => app.MapGet("/story", () =>
        {
            Interlocked.Increment(ref requests);
            return Results.Content(ArticlePages.Cluttered(), "text/html");
        }));
        using var harness = new FetcherHarness(new FeedsOptions { AllowPrivateAddresses = false });
        using var reader = new PageTextReader(harness.Fetcher, NullLogger<PageTextReader>.Instance);

        var page = await reader.ReadAsync(server.Url("/story"), Token);

        Assert.Equal(FullTextProblem.Unreachable, page.Problem);
        Assert.Equal(0, requests);
    }

    [Fact]
    public void Extract_OfDeeplyNestedMarkup_EndsWithoutThrowing()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 5_000)) + "deep" + "</body></html>";

        var page = PageTextReader.Extract(html, new Uri("https://deep.example/"), Token);

        Assert.NotNull(page);
    }
}
