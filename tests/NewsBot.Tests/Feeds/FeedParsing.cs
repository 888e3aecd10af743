namespace NewsBot.Tests.Feeds;

/// <summary>The parser as the feed tests call it: on a fixture, on a document written in the test, from a fixed feed URL.</summary>
internal static class FeedParsing
{
    public static readonly Uri FeedUrl = new("https://feeds.example/feed.xml");

    public static FeedParser Parser { get; } = new();

    public static FeedDocument ParseFixture(string name, string? charset = null, Uri? baseUri = null) =>
        Parser.Parse(Fixtures.Bytes(name), charset, baseUri ?? FeedUrl);

    public static FeedDocument Parse(string document) => Parse(document, FeedUrl);

    public static FeedDocument Parse(string document, Uri? baseUri) => Parser.Parse(Encoding.UTF8.GetBytes(document), null, baseUri);

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
