namespace NewsBot.Tests.Feeds;

public sealed class OpmlTests
{
    private const string Sample = """
        <?xml version="1.0"?>
        <opml version="2.0">
          <head><title>My feeds</title></head>
          <body>
            <outline text="Technology">
              <outline text="Daily Circuit" type="rss" xmlUrl="https://circuit.example/rss" category="chips"/>
              <outline text="Daily Circuit again" type="rss" xmlUrl="https://circuit.example/rss"/>
            </outline>
            <outline text="Lab Notes" title="Open Lab Notes" type="rss" xmlUrl="https://lab.example/atom" category="Science/Space"/>
            <outline text="Dead" type="rss" xmlUrl="https://dead.example/rss"/>
          </body>
        </opml>
        """;

    [Fact]
    public void Read_FoldersAndCategories_BecomeTopics()
    {
        var outlines = Opml.Read(Stream(Sample));

        Assert.Equal(4, outlines.Count);
        Assert.Equal(new Opml.Outline("Daily Circuit", "https://circuit.example/rss", ["technology", "chips"]), outlines[0] with { Topics = outlines[0].Topics.ToList() }, OutlineComparer.Instance);
        Assert.Equal("Open Lab Notes", outlines[2].Title);
        Assert.Equal(["science", "space"], outlines[2].Topics);
    }

    [Theory]
    [InlineData("<html><body>hi</body></html>", "not an OPML file")]
    [InlineData("<opml><body><outline", "not a readable OPML file")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY a \"aaaa\">]><opml><body/></opml>", "not a readable OPML file")]
    public void Read_NotOpml_SaysWhy(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Opml.Read(Stream(text)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ThenRead_KeepsNamesUrlsAndTopics()
    {
        var sources = new[]
        {
            new FeedSource(1, "Wire & Co", "https://wire.example/feed", ["technology", "science"], true, null, null, null, 0, 0, null),
            new FeedSource(2, "Moved", "https://old.example/feed", [], true, null, null, null, 0, 0, null) { MovedTo = "https://new.example/feed" },
        };
        var buffer = new MemoryStream();

        Opml.Write(buffer, sources, TestBot.Now);
        var read = Opml.Read(new MemoryStream(buffer.ToArray()));

        Assert.Equal("Wire & Co", read[0].Title);
        Assert.Equal(["technology", "science"], read[0].Topics);
        Assert.Equal("https://new.example/feed", read[1].Url);
    }

    [Fact]
    public async Task Import_AddsGoodFeeds_SkipsKnownAndRepeated_ReportsFailures()
    {
        using var bot = new TestBot();
        var sources = bot.Get<ISourceStore>();
        await sources.EnsureAsync("Known", "https://lab.example/atom", [], fromConfiguration: true, CancellationToken.None);
        bot.Probe.Results["https://circuit.example/rss"] = new FeedProbeResult("https://circuit.example/rss", "Circuit", 5, null, false);
        var progress = new StringWriter();

        var report = await FeedsImportVerb.ImportAsync(Opml.Read(Stream(Sample)), sources, bot.Probe, new ProgressBar(progress, 4, interactive: false), CancellationToken.None);

        Assert.Equal(["#2 Daily Circuit"], report.Added);
        Assert.Equal(2, report.Skipped.Count);
        Assert.Contains(report.Skipped, s => s.Contains("listed twice", StringComparison.Ordinal));
        Assert.Contains(report.Skipped, s => s.Contains("already source #1", StringComparison.Ordinal));
        Assert.Equal(["https://dead.example/rss: HTTP 404 Not Found"], report.Failed);
        Assert.Equal(["technology", "chips"], (await sources.FindByUrlAsync("https://circuit.example/rss", CancellationToken.None))!.Topics);
        Assert.Contains("4/4", progress.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("Imported my.opml: 1 added, 2 skipped, 1 failed.", report.Describe("my.opml"), StringComparison.Ordinal);
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text.Trim()));

    private sealed class OutlineComparer : IEqualityComparer<Opml.Outline>
    {
        public static readonly OutlineComparer Instance = new();

        public bool Equals(Opml.Outline? x, Opml.Outline? y) =>
            x is not null && y is not null && x.Title == y.Title && x.Url == y.Url && x.Topics.SequenceEqual(y.Topics);

        public int GetHashCode(Opml.Outline obj) => obj.Url.GetHashCode(StringComparison.Ordinal);
    }
}
