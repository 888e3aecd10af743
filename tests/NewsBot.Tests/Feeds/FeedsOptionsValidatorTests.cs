namespace NewsBot.Tests.Feeds;

public sealed class FeedsOptionsValidatorTests
{
    private readonly FeedsOptionsValidator _validator = new();

    private static FeedsOptions Valid() => new()
    {
        Sources =
        {
            new FeedSourceOptions { Name = "Daily Circuit", Url = "Samples/daily-circuit.xml", Topics = { "technology" } },
            new FeedSourceOptions { Name = "Remote", Url = "https://feeds.example/rss" },
        },
    };

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(_validator.Validate(null, new FeedsOptions()).Succeeded);
        Assert.True(_validator.Validate(null, Valid()).Succeeded);
    }

    [Fact]
    public void Validate_DefaultValues_MatchTheDocumentedOnes()
    {
        var options = new FeedsOptions();

        Assert.Equal(TimeSpan.FromMinutes(10), options.PollInterval);
        Assert.Equal(TimeSpan.FromSeconds(20), options.RequestTimeout);
        Assert.Equal(2 * 1024 * 1024, options.MaxFeedBytes);
        Assert.False(options.AllowPrivateAddresses);
        Assert.Null(options.Proxy);
        Assert.Equal(500, options.MaxItemsPerRead);
    }

    [Fact]
    public void Validate_ShortPollInterval_NamesTheKey()
    {
        var options = Valid();
        options.PollInterval = TimeSpan.FromSeconds(30);

        var result = _validator.Validate(null, options);

        Assert.Equal(["Feeds:PollInterval must be at least 00:01:00; got 00:00:30"], result.Failures);
    }

    [Theory]
    [InlineData("proxy.internal:3128")]
    [InlineData("ftp://proxy.internal/")]
    [InlineData("not a url")]
    public void Validate_BadProxy_NamesTheKey(string proxy)
    {
        var options = Valid();
        options.Proxy = proxy;

        var failure = Assert.Single(_validator.Validate(null, options).Failures!);

        Assert.StartsWith("Feeds:Proxy must be empty or an absolute http://", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://proxy.internal:3128")]
    [InlineData("socks5://127.0.0.1:1080")]
    [InlineData("")]
    public void Validate_UsableProxy_Succeeds(string proxy)
    {
        var options = Valid();
        options.Proxy = proxy;

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(10_001)]
    public void Validate_MaxItemsPerReadOutOfRange_NamesTheKey(int value)
    {
        var options = Valid();
        options.MaxItemsPerRead = value;

        Assert.Equal([$"Feeds:MaxItemsPerRead must be between 10 and 10000; got {value}"], _validator.Validate(null, options).Failures);
    }

    [Fact]
    public void Validate_BadTimeoutAndSize_NameTheirKeys()
    {
        var options = Valid();
        options.RequestTimeout = TimeSpan.Zero;
        options.MaxFeedBytes = 0;

        var failures = _validator.Validate(null, options).Failures!.ToList();

        Assert.Contains("Feeds:RequestTimeout must be between 00:00:01 and 00:05:00; got 00:00:00", failures);
        Assert.Contains("Feeds:MaxFeedBytes must be between 1024 and 104857600 (100 MB); got 0", failures);
    }

    [Fact]
    public void Validate_UnsupportedUrlScheme_NamesTheSourceIndex()
    {
        var options = Valid();
        options.Sources.Add(new FeedSourceOptions { Name = "Old", Url = "ftp://x" });

        var result = _validator.Validate(null, options);

        Assert.Equal(["Feeds:Sources:2:Url must be an http(s) URL or a file path; got 'ftp://x'"], result.Failures);
    }

    [Fact]
    public void Validate_EmptyNameUrlAndTopic_AreEachReported()
    {
        var options = Valid();
        options.Sources.Add(new FeedSourceOptions { Name = " ", Url = "", Topics = { "" } });

        var failures = _validator.Validate(null, options).Failures!.ToList();

        Assert.Contains("Feeds:Sources:2:Name must not be empty", failures);
        Assert.Contains("Feeds:Sources:2:Url must be an http(s) URL or a file path; it is empty", failures);
        Assert.Contains("Feeds:Sources:2:Topics:0 must not be empty", failures);
    }

    [Fact]
    public void Validate_DuplicateUrl_PointsAtTheFirstOne()
    {
        var options = Valid();
        options.Sources.Add(new FeedSourceOptions { Name = "Again", Url = "HTTPS://feeds.example/rss" });

        var result = _validator.Validate(null, options);

        Assert.Equal(
            ["Feeds:Sources:2:Url repeats Feeds:Sources:1:Url ('HTTPS://feeds.example/rss'); each feed may be listed once"],
            result.Failures);
    }
}
