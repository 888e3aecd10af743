namespace NewsBot.Tests.Feeds;

public sealed class FeedCheckTests : IDisposable
{
    private readonly FetcherHarness _harness = new();
    private readonly FeedCheck _check;
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();

    public FeedCheckTests()
    {
        _check = new FeedCheck(_harness.Fetcher, new FeedParser());
    }

    public void Dispose()
    {
        _harness.Dispose();
        _output.Dispose();
        _errors.Dispose();
    }

    private Task<int> CheckAsync(string feed, bool json = false) => _check.RunAsync(feed, json, _output, _errors, CancellationToken.None);

    [Fact]
    public async Task RunAsync_GoodFeed_PrintsFeedItemsAndNoProblems()
    {
        var exitCode = await CheckAsync("rss20_rfc822.xml");

        var text = _output.ToString();
        Assert.Equal(0, exitCode);
        Expect.ContainsAll(
            text,
            "Format:  RSS 2.0", "Title:   Daily Circuit", "Items:   4", "1. Chip makers race to 1 nm", "   Published:  2026-11-27 08:05:00 UTC",
            "   Link:       https://daily-circuit.example/news/1nm?id=7", "   Author:     Jane Doe", "   Categories: Hardware, Semiconductors",
            "   Summary:    Three foundries announced roadmaps.");
        Assert.EndsWith("No problems found." + Environment.NewLine, text, StringComparison.Ordinal);
        Assert.Equal("", _errors.ToString());
    }

    [Fact]
    public async Task RunAsync_Json_WritesOneObjectPerItemPerLine()
    {
        var exitCode = await CheckAsync("rss20_rfc822.xml", json: true);

        var lines = _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exitCode);
        Assert.Equal(4, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal(
            ["title", "link", "id", "published", "updated", "author", "summary", "content", "categories", "image", "enclosures"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Chip makers race to 1 nm", root.GetProperty("title").GetString());
        Assert.Equal("https://daily-circuit.example/news/1nm?id=7", root.GetProperty("link").GetString());
        Assert.Equal("dc-0001", root.GetProperty("id").GetString());
        Assert.Equal("2026-11-27T08:05:00Z", root.GetProperty("published").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("updated").ValueKind);
        Assert.Equal("Jane Doe", root.GetProperty("author").GetString());
        Assert.Equal(["Hardware", "Semiconductors"], root.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("image").ValueKind);
        Assert.Equal("", root.GetProperty("content").GetString());
        Assert.Equal(0, root.GetProperty("enclosures").GetArrayLength());
        Assert.Equal("", _errors.ToString());
    }

    [Fact]
    public async Task RunAsync_JsonOfAnUntitledItem_GivesAnEmptyTitleNotTheDisplayFallback()
    {
        await CheckAsync("rss20_html.xml", json: true);

        var lines = _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        using var third = JsonDocument.Parse(lines[2]);
        Assert.Equal("", third.RootElement.GetProperty("title").GetString());
        Assert.StartsWith("Content only, with a picture:", third.RootElement.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_JsonOfAnAtomEntry_KeepsUpdatedAndPublishedApart()
    {
        await CheckAsync("atom10.xml", json: true);

        var lines = _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        using var first = JsonDocument.Parse(lines[0]);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("2026-11-26T18:30:00Z", first.RootElement.GetProperty("published").GetString());
        Assert.Equal("2026-11-27T07:00:00Z", first.RootElement.GetProperty("updated").GetString());
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("published").ValueKind);
        Assert.Equal("2026-11-27T08:05:00Z", second.RootElement.GetProperty("updated").GetString());
        Assert.Equal("Only an updated date.", second.RootElement.GetProperty("content").GetString());
        var enclosure = Assert.Single(first.RootElement.GetProperty("enclosures").EnumerateArray());
        Assert.Equal("https://open-lab.example/img/comet.jpg", enclosure.GetProperty("url").GetString());
        Assert.Equal("image/jpeg", enclosure.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, enclosure.GetProperty("length").ValueKind);
    }

    [Fact]
    public async Task RunAsync_JsonOfAPodcast_ListsEnclosuresWithTheirLengths()
    {
        await CheckAsync("podcast.xml", json: true);

        using var first = JsonDocument.Parse(_output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)[0]);
        var enclosure = Assert.Single(first.RootElement.GetProperty("enclosures").EnumerateArray());
        Assert.Equal("https://nightsky.example/audio/12.mp3", enclosure.GetProperty("url").GetString());
        Assert.Equal(34216300, enclosure.GetProperty("length").GetInt64());
    }

    [Fact]
    public async Task RunAsync_JsonWithProblems_WritesProblemsToErrorsOnly()
    {
        var exitCode = await CheckAsync("rss20_cp1251.xml", json: true);

        Assert.Equal(0, exitCode);
        var line = Assert.Single(_output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\"title\":\"Учёные открыли новую звезду\"", line, StringComparison.Ordinal);

        _output.GetStringBuilder().Clear();
        exitCode = await CheckAsync("rss20_nonstd_date.xml", json: true);

        Assert.Equal(0, exitCode);
        Assert.Contains("problem: Item 3 has no usable date (\"yesterday\")", _errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("problem:", _output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A feed with problems, one with an image and updates, a web page that is no feed: the file, the exit code, lines printed.</summary>
    public static TheoryData<string, int, string[]> PrintedChecks => new()
    {
        { "rss20_nonstd_date.xml", 0, ["   Published:  no date", "Problems:" + Environment.NewLine + "  - Item 3 has no usable date (\"yesterday\")"] },
        { "atom10.xml", 0, ["   Image:      https://open-lab.example/img/comet.jpg", "   Updated:    2026-11-27 07:00:00 UTC"] },
        { "html_page.html", 1, ["This is not a feed.", "  - This looks like an HTML web page, not a feed"] },
    };

    [Theory]
    [MemberData(nameof(PrintedChecks))]
    public async Task RunAsync_PrintsWhatItFound_AndExitsOneOnlyForWhatIsNoFeed(string feed, int expectedExitCode, string[] printed)
    {
        var exitCode = await CheckAsync(feed);

        Assert.Equal(expectedExitCode, exitCode);
        Expect.ContainsAll(_output.ToString(), printed);
    }

    [Fact]
    public async Task RunAsync_MissingFile_ExitsOneWithTheReason()
    {
        var exitCode = await CheckAsync("nope.xml");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Could not fetch nope.xml: Feed file not found: ", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_JsonAndNotAFeed_ExitsOneWithNothingOnOutput()
    {
        var exitCode = await CheckAsync("empty.xml", json: true);

        Assert.Equal(1, exitCode);
        Assert.Equal("", _output.ToString());
        Assert.Contains("problem: The document is empty", _errors.ToString(), StringComparison.Ordinal);
    }
}
