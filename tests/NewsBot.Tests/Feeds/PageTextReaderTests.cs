using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsBot.Core.Reading;

namespace NewsBot.Tests.Feeds;

/// <summary>Article pages read through the feed fetcher from a real loopback site, and their main text extracted.</summary>
public sealed class PageTextReaderTests
{
    private static CancellationToken Token => CancellationToken.None;

    /// <summary>The page at <paramref name="path"/> of a site that answers it with <paramref name="endpoint"/>, read as NewsBot reads an article's page.</summary>
    private static async Task<PageText> ReadAsync(string path, Delegate endpoint, FeedsOptions? options = null)
    {
        await using var server = await FeedServer.StartAsync(app => app.MapGet(path, endpoint));
        using var harness = new FetcherHarness(options);
        using var reader = new PageTextReader(harness.Fetcher, NullLogger<PageTextReader>.Instance);
        return await reader.ReadAsync(server.Url(path), Token);
    }

    [Fact]
    public async Task Read_OfAClutteredPage_KeepsTheStory_AndDropsNavigationAdsSidebarAndComments()
    {
        var page = await ReadAsync("/story", () => Results.Content(ArticlePages.Cluttered(), "text/html; charset=utf-8"));

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
        var page = await ReadAsync("/menu", () => Results.Content(ArticlePages.NoStory(), "text/html"));

        Assert.Equal(FullTextProblem.NoText, page.Problem);
        Assert.Equal("", page.Text);
    }

    [Fact]
    public async Task Read_OfSomethingThatIsNotHtml_SaysSo()
    {
        var page = await ReadAsync("/file.pdf", () => Results.Bytes("%PDF-1.7 not a page"u8.ToArray(), "application/pdf"));

        Assert.Equal(FullTextProblem.NotHtml, page.Problem);
    }

    [Fact]
    public async Task Read_OfAPageThatNeverEnds_StopsAtTheSizeLimit()
    {
        var chunk = Encoding.UTF8.GetBytes("<p>" + new string('x', 64 * 1024) + "</p>");
        var page = await ReadAsync("/huge", UnendingResponses.Flood("text/html", chunk, times: 800));

        Assert.Equal(FullTextProblem.TooLarge, page.Problem);
    }

    [Fact]
    public async Task Read_OfAPageThatDripsIn_StopsAtTheTimeLimit()
    {
        var page = await ReadAsync("/slow", UnendingResponses.Drip("text/html", "<p>"u8.ToArray()), new FeedsOptions { AllowPrivateAddresses = true, RequestTimeout = TimeSpan.FromSeconds(1) });

        Assert.Equal(FullTextProblem.TimedOut, page.Problem);
    }

    [Fact]
    public async Task Read_OfALoopbackPage_WithoutPermission_IsRefusedByTheAddressGuard()
    {
        var requests = 0;
        var page = await ReadAsync("/story", () =>
        {
            Interlocked.Increment(ref requests);
            return Results.Content(ArticlePages.Cluttered(), "text/html");
        }, new FeedsOptions { AllowPrivateAddresses = false });

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
