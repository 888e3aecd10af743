namespace NewsBot.Tests.Feeds;

public sealed class FeedLocationTests
{
    private static readonly string BaseDirectory = Path.Combine(Path.GetTempPath(), "newsbot-app");

    [Theory]
    [InlineData("https://feeds.example/rss")]
    [InlineData("http://127.0.0.1:8080/feed.xml?x=1")]
    [InlineData("  HTTPS://Feeds.Example/rss  ")]
    public void Parse_HttpUrl_ReturnsHttpLocation(string value)
    {
        var location = FeedLocation.Parse(value, BaseDirectory, out var error);

        Assert.IsType<FeedLocation.Http>(location);
        Assert.Null(error);
    }

    [Fact]
    public void Parse_RelativePath_ResolvesAgainstBaseDirectory()
    {
        var location = FeedLocation.Parse("Samples/daily-circuit.xml", BaseDirectory, out _);

        Assert.Equal(Path.Combine(BaseDirectory, "Samples", "daily-circuit.xml"), Assert.IsType<FeedLocation.LocalFile>(location).FullPath);
    }

    [Fact]
    public void Parse_AbsolutePathAndFileUri_AreFiles()
    {
        var path = Path.Combine(Path.GetTempPath(), "feed.xml");

        Assert.Equal(path, Assert.IsType<FeedLocation.LocalFile>(FeedLocation.Parse(path, BaseDirectory, out _)).FullPath);
        Assert.Equal(path, Assert.IsType<FeedLocation.LocalFile>(FeedLocation.Parse(new Uri(path).AbsoluteUri, BaseDirectory, out _)).FullPath);
    }

    [Theory]
    [InlineData("ftp://x", "uses the unsupported scheme 'ftp'")]
    [InlineData("mailto:a@b.example", "uses the unsupported scheme 'mailto'")]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("http:///nohost", "is not a valid URL")]
    public void Parse_Unusable_ReturnsNullWithReason(string value, string expected)
    {
        var location = FeedLocation.Parse(value, BaseDirectory, out var error);

        Assert.Null(location);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void ToString_HttpLocation_LeavesOutTheQuery()
    {
        var location = FeedLocation.Parse("https://feeds.example/rss?token=secret", BaseDirectory, out _);

        Assert.Equal("https://feeds.example/rss", location!.ToString());
    }
}
