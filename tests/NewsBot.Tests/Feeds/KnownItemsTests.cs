namespace NewsBot.Tests.Feeds;

/// <summary>A source's items listed in its last read are recognised by id or link and not read again.</summary>
public sealed class KnownItemsTests
{
    private const int SourceId = 7;

    [Fact]
    public void Parse_Rss_LeavesOutTheItemsListedLastTime_AndNamesTheirKeys()
    {
        var listed = KeysOf(("story-1", "https://wire.example/story/1"), ("story-2", "https://wire.example/story/2"));

        var document = Parse(FeedSamples.Rss(3), listed);

        Assert.Equal(["Story number 3 from story"], document.Entries.Select(e => e.Title));
        Assert.Equal(IdentityField.Id, document.Known!.Field);
        Assert.Equal(listed, document.Known.Keys);
        Assert.Equal(["https://wire.example/story/1", "https://wire.example/story/2"], document.Known.Links);
    }

    [Fact]
    public void Parse_JsonFeed_LeavesOutTheItemsListedLastTime()
    {
        const string json = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Wire", "items": [
              {"id": "a", "url": "https://wire.example/a", "title": "Known", "content_html": "<p>old</p>"},
              "not an item",
              {"id": "b", "url": "https://wire.example/b", "title": "New", "content_html": "<p>new</p>"}
            ]}
            """;

        var document = Parse(json, KeysOf(("a", "https://wire.example/a")));

        Assert.Equal(["New"], document.Entries.Select(e => e.Title));
        Assert.Single(document.Known!.Keys);
        Assert.Contains(document.Problems, p => Fakes.Shown.InEnglish(p).Contains("not an object", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_KnownKeys_AreTheKeysTheIngestorGivesTheSameItemsWhenRead()
    {
        var all = FeedParsing.Parse(FeedSamples.Rss(4));
        var field = ItemKeys.ChooseField(all.Entries, preferLinks: false);
        var keys = all.Entries.Select(e => ItemKeys.For(SourceId, e, field)).ToList();

        var document = Parse(FeedSamples.Rss(4), keys);

        Assert.Empty(document.Entries);
        Assert.Equal(keys, document.Known!.Keys);
    }

    [Fact]
    public void Parse_ItemsWithoutIdsOrLinks_AreAllRead_AsOnlyTheirTitlesTellThemApart()
    {
        const string rss = """
            <rss version="2.0"><channel><title>Wire</title>
            <item><title>One</title><description>first</description></item>
            <item><title>Two</title><description>second</description></item>
            </channel></rss>
            """;

        var document = Parse(rss, ["7:0000000000000000"]);

        Assert.Null(document.Known);
        Assert.Equal(2, document.Entries.Count);
    }

    [Fact]
    public void Parse_MoreItemsThanOneReadTakes_ReadsThemAll_SoTheNewestCanBeChosenByDate()
    {
        var listed = KeysOf(("story-1", "https://wire.example/story/1"));

        var document = FeedParsing.Parser.Parse(Encoding.UTF8.GetBytes(FeedSamples.Rss(3)), null, FeedParsing.FeedUrl, new ItemSkipping(Source(listed), maxItems: 2));

        Assert.Null(document.Known);
        Assert.Equal(3, document.Entries.Count);
    }

    [Fact]
    public void Parse_ASourceReadForTheFirstTime_ReadsEveryItem()
    {
        var document = Parse(FeedSamples.Rss(2), []);

        Assert.Null(document.Known);
        Assert.Equal(2, document.Entries.Count);
    }

    private static FeedDocument Parse(string text, IReadOnlyList<string> listed) =>
        FeedParsing.Parser.Parse(Encoding.UTF8.GetBytes(text), null, FeedParsing.FeedUrl, new ItemSkipping(Source(listed), maxItems: 100));

    private static FeedSource Source(IReadOnlyList<string> listed) =>
        new FeedSource(SourceId, "Wire", "https://wire.example/feed", [], true, null, null, null, 0, 0, null) { CurrentItemKeys = listed };

    private static List<string> KeysOf(params (string Id, string Link)[] items) =>
        items.Select(i => ItemKeys.ForIdentity(SourceId, new ItemIdentity(i.Id, i.Link), IdentityField.Id)!).ToList();
}
