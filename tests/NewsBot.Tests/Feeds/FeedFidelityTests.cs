using static NewsBot.Tests.Feeds.FeedParsing;

namespace NewsBot.Tests.Feeds;

/// <summary>Each construct that feed readers meet in the wild, read from a fixture written for it.</summary>
public sealed class FeedFidelityTests
{
    [Fact]
    public void Parse_DublinCoreInRss20_GivesDatesAuthorsCategoriesTitleAndSummary()
    {
        var feed = ParseFixture("dc_rss20.xml");

        var first = feed.Items[0];
        Assert.Equal(Utc(2026, 11, 20, 9, 15), first.Entry.Published);
        Assert.Equal(Utc(2026, 11, 20, 9, 15), first.Entry.Updated);
        Assert.Equal("Ana Lima", first.Entry.Author);
        Assert.Equal(["Energy", "Policy"], first.Entry.Categories);
        Assert.Equal("Core description wins.", first.Entry.Summary);

        var second = feed.Items[1];
        Assert.Equal("Title only in Dublin Core", second.Entry.Title);
        Assert.Equal("Title only in Dublin Core", second.OwnTitle);
        Assert.Equal(Utc(2026, 11, 19, 8, 0), second.OwnPublished);
        Assert.Equal(Utc(2026, 11, 21, 9, 30), second.OwnUpdated);
        Assert.Equal("Summary only in Dublin Core.", second.Entry.Summary);
        Assert.Equal("Ben Okafor", second.Entry.Author);

        var third = feed.Items[2];
        Assert.Equal(Utc(2026, 11, 17, 6, 0), third.Entry.Published);
        Assert.Equal("Chen Wei", third.Entry.Author);
        Assert.DoesNotContain(feed.Problems.English(), p => p.Contains("no title", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DublinCoreUnderUnusualPrefixesWithoutDefaultNamespace_IsRecognisedByNamespace()
    {
        var feed = ParseFixture("dc_odd_prefix.xml");

        var first = feed.Items[0].Entry;
        Assert.Equal("https://odd.example/one", first.Id);
        Assert.Equal("https://odd.example/one", first.Link);
        Assert.Equal(Utc(2026, 11, 22, 12, 0), first.Published);
        Assert.Equal(Utc(2026, 11, 23, 12, 0), first.Updated);
        Assert.Equal("Dana Ruiz", first.Author);
        Assert.Equal(["Maps", "Travel"], first.Categories);

        var second = feed.Items[1].Entry;
        Assert.Equal("urn:odd:two", second.Id);
        Assert.Equal("https://odd.example/two", second.Link);
        Assert.Equal(Utc(2026, 11, 21, 12, 0), second.Published);
    }

    [Fact]
    public void Parse_DublinCoreInAtomSharingLocalNames_KeepsCoreElementsFirst()
    {
        var entry = ParseFixture("dc_atom.xml").Items[0];

        Assert.Equal("Core title", entry.Entry.Title);
        Assert.Equal("Core summary.", entry.Entry.Summary);
        Assert.Equal("Eva Novak", entry.Entry.Author);
        Assert.Equal(["Science"], entry.Entry.Categories);
        Assert.Equal(Utc(2026, 11, 24, 15, 0), entry.Entry.Published);
    }

    [Fact]
    public void Parse_AtomDetails_TermsLabelsXhtmlHtmlBaseLinksAndFirstUpdated()
    {
        var feed = ParseFixture("atom_details.xml");

        Assert.Equal("Atom details", feed.Title);
        Assert.Equal("https://atom.example/blog/", feed.SiteLink);

        var chips = feed.Items[0];
        Assert.Equal("Fish & chips", chips.Entry.Title);
        Assert.Equal("https://atom.example/blog/posts/chips.html", chips.Entry.Link);
        Assert.Equal(Utc(2026, 11, 25, 10, 0), chips.Entry.Updated);
        Assert.Equal(["Food & Drink", "uk"], chips.Entry.Categories);
        Assert.Equal("Crispy and hot.", chips.Entry.Summary);
        Assert.Equal("https://atom.example/blog/posts/img/chips.jpg", chips.Entry.ImageUrl);
        Assert.Equal("The full story of chips.", chips.Content);
        var enclosure = Assert.Single(chips.Enclosures);
        Assert.Equal("https://atom.example/blog/posts/audio/chips.mp3", enclosure.Url);
        Assert.Equal("audio/mpeg", enclosure.Type);

        var second = feed.Items[1];
        Assert.Equal("Plain text title with <tags>", second.Entry.Title);
        Assert.Equal("https://other.example/dir/second.html", second.Entry.Link);
        Assert.Equal("A <b> is shown as text.", second.Entry.Summary);
        Assert.Equal("Fay Olsen", second.Entry.Author);
        Assert.Equal(Utc(2026, 11, 24, 14, 0), second.OwnPublished);

        var third = feed.Items[2];
        Assert.Equal("https://atom.example/edit/3", third.Entry.Link);
        Assert.Equal("https://atom.example/files/report.pdf", Assert.Single(third.Enclosures).Url);
    }

    [Fact]
    public void Parse_Atom03_EscapedTitlesBase64AndInlineXmlContent()
    {
        var feed = ParseFixture("atom03_base64.xml");

        var first = feed.Items[0];
        Assert.Equal("Escaped title", first.Entry.Title);
        Assert.Equal("Decoded from base64.", first.Entry.Summary);
        Assert.Equal("Decoded from base64.", first.Content);
        Assert.Equal(Utc(2026, 11, 19, 6, 0), first.OwnPublished);
        Assert.Equal(Utc(2026, 11, 19, 9, 0), first.OwnUpdated);
        Assert.Equal("Gus Park", first.Entry.Author);
        Assert.Equal("Inline markup body", feed.Items[1].Content);
    }

    [Fact]
    public void Parse_PodcastAndMediaRss_ReadsITunesAndMediaFields()
    {
        var feed = ParseFixture("podcast.xml");

        var episode = feed.Items[0];
        Assert.Equal("Hana Ito", episode.Entry.Author);
        Assert.Equal("Where to look for the Leonids this year.", episode.Entry.Summary);
        Assert.Equal("https://nightsky.example/art/12.jpg", episode.Entry.ImageUrl);
        Assert.Equal(["Science", "Astronomy"], episode.Entry.Categories);
        var audio = Assert.Single(episode.Enclosures);
        Assert.Equal(("https://nightsky.example/audio/12.mp3", "audio/mpeg", (long?)34216300), (audio.Url, audio.Type, audio.Length));

        var video = feed.Items[1];
        Assert.Equal("Episode 13: Comets", video.Entry.Title);
        Assert.Equal("Episode 13: Comets", video.OwnTitle);
        Assert.Equal("Tails, comas and the Oort cloud.", video.Entry.Summary);
        Assert.Equal(["Space"], video.Entry.Categories);
        Assert.Equal("https://nightsky.example/thumbs/13.jpg", video.Entry.ImageUrl);
        Assert.Equal(["https://nightsky.example/video/13-hd.mp4", "https://nightsky.example/video/13-sd.mp4"], video.Enclosures.Select(e => e.Url));

        Assert.Equal("https://nightsky.example/photos/milkyway.jpg", feed.Items[2].Entry.ImageUrl);
    }

    [Fact]
    public void Parse_ChannelDefinitionFormat_ReadsItemsOfEveryChannel()
    {
        var feed = ParseFixture("cdf.xml");

        Assert.Equal(["First CDF item", "Second CDF item"], feed.Entries.Select(e => e.Title));
        Assert.Equal("https://cdf.example/first.htm", feed.Entries[0].Link);
        Assert.Equal("What the first item is about.", feed.Entries[0].Summary);
        Assert.Equal(Utc(2026, 11, 19, 10, 30), feed.Entries[0].Published);
        Assert.Equal("https://cdf.example/sub/second.htm", feed.Entries[1].Link);
    }

    [Fact]
    public void Parse_Rss091WithNetscapeDoctypeAndLatin1_Reads()
    {
        var feed = ParseFixture("rss091.xml");

        Assert.Equal(["First & foremost", "Second"], feed.Entries.Select(e => e.Title));
        Assert.Equal("Item text with escaped markup.", feed.Entries[0].Summary);
        Assert.Contains("2 items have no date", feed.Problems.English());
    }

    [Fact]
    public void Parse_Rss090_ReadsItemsBesideTheChannel()
    {
        var feed = ParseFixture("rss090.xml");

        var entry = Assert.Single(feed.Entries);
        Assert.Equal("Sibling of the channel", entry.Title);
        Assert.Equal("https://rss090.example/a", entry.Link);
    }

    [Fact]
    public void Parse_InternalDtdEntitiesHtmlEntitiesBareAmpersandsAndUndeclaredPrefixes_AreRead()
    {
        var feed = ParseFixture("dtd_entities.xml");

        Assert.True(feed.IsFeed);
        Assert.Equal("Entity & Co", feed.Title);
        Assert.Equal("https://entities.example/?a=1&b=2", feed.SiteLink);
        var first = feed.Items[0].Entry;
        Assert.Equal("Entity & Co — news since 1999", first.Title);
        Assert.Equal("https://entities.example/1?x=1&y=2", first.Link);
        Assert.Equal("Café prices overridden copyright Tom & Jerry end", first.Summary);
        Assert.Equal("https://entities.example/t.jpg", first.ImageUrl);
        Assert.DoesNotContain("root:", first.Summary, StringComparison.Ordinal);
        Assert.Contains(feed.Problems.English(), p => p.StartsWith("The document refers to external entities (ext)", StringComparison.Ordinal));
        Assert.Equal("Text & an example", feed.Items[1].Entry.Summary);
    }

    [Fact]
    public void Parse_EntityNestingDeeperThanTheBudget_IsRefused()
    {
        var declarations = string.Concat(Enumerable.Range(1, 10).Select(i => $"<!ENTITY e{i} \"&e{i - 1};\">"));
        var xml = $"<!DOCTYPE rss [<!ENTITY e0 \"x\">{declarations}]><rss version=\"2.0\"><channel><title>&e10;</title></channel></rss>";

        var feed = Parse(xml);

        Assert.False(feed.IsFeed);
        Assert.Contains("nests entities more than 8 levels deep", Assert.Single(feed.Problems.English()), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EntitiesWithinTheBudget_AreExpandedEightLevelsDeep()
    {
        var declarations = string.Concat(Enumerable.Range(1, 8).Select(i => $"<!ENTITY e{i} \"&e{i - 1};&e{i - 1};\">"));
        var xml = $"<!DOCTYPE rss [<!ENTITY e0 \"ab\">{declarations}]><rss version=\"2.0\"><channel><title>&e8;</title><item><title>t</title><link>https://a.example/</link></item></channel></rss>";

        var feed = Parse(xml);

        Assert.True(feed.IsFeed);
        Assert.Equal(HtmlToText.Truncate(string.Concat(Enumerable.Repeat("ab", 256)), HtmlToText.MaxTitleLength), feed.Title);
    }

    [Fact]
    public void Parse_EntitiesExpandingPastOneMegabyte_AreRefused()
    {
        var big = new string('x', 1000);
        var references = string.Concat(Enumerable.Repeat("&big;", 1100));
        var xml = $"<!DOCTYPE rss [<!ENTITY big \"{big}\">]><rss version=\"2.0\"><channel><title>t</title><description>{references}</description></channel></rss>";

        var feed = Parse(xml);

        Assert.False(feed.IsFeed);
        Assert.Contains("expand to more than 1 MB", Assert.Single(feed.Problems.English()), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TruncatedDocument_KeepsTheCompleteItemsAndSaysWhere()
    {
        var feed = ParseFixture("truncated_after_items.xml");

        Assert.True(feed.IsFeed);
        Assert.Equal(["Complete one", "Complete two"], feed.Entries.Select(e => e.Title));
        Assert.Contains(feed.Problems.English(), p => p.StartsWith("XML error at line", StringComparison.Ordinal) && p.EndsWith("the 2 complete items before it were kept", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Windows1252PunctuationInIso88591Document_IsMappedAsBrowsersDo()
    {
        var feed = ParseFixture("latin1_smart.xml");

        Assert.Equal("Café “quoted”", feed.Title);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("It’s 5€ – a bargain…", entry.Title);
        Assert.Equal("Naïve résumé", entry.Summary);
    }

    [Fact]
    public void Parse_Iso88591DocumentServedAsUtf8_FollowsTheDeclarationBecauseTheBytesAreNotUtf8()
    {
        var feed = ParseFixture("latin1_smart.xml", charset: "utf-8");

        Assert.Equal("Café “quoted”", feed.Title);
        Assert.Contains(feed.Problems.English(), p => p.Contains("windows-1252 was used", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("utf16le_nobom.xml")]
    [InlineData("utf16be_bom.xml")]
    public void Parse_Utf16WithAndWithoutByteOrderMark_Decodes(string fixture)
    {
        var feed = ParseFixture(fixture, charset: "iso-8859-1");

        Assert.Equal("Zwölf Boxkämpfer", feed.Title);
        Assert.Equal("Ärger über Öl", Assert.Single(feed.Entries).Title);
    }

    [Fact]
    public void Parse_HiddenHtmlContent_IsNeverTextAndTheTextAfterItStays()
    {
        var item = ParseFixture("text_extraction.xml").Items[0];

        Assert.Equal("safe description", item.Entry.Summary);
        Assert.Equal("Full body.\nSecond paragraph.\n• Listed\nE=mc2 and chart label", item.Content);
    }

    [Fact]
    public void Parse_EmptyTitle_OwnTitleStaysEmptyWhileTheEntryFallsBack()
    {
        var feed = Parse("<rss version=\"2.0\"><channel><title>T</title><item><title></title><link>https://a.example/x</link><description>Words of the body.</description></item></channel></rss>");

        var item = Assert.Single(feed.Items);
        Assert.Equal("", item.OwnTitle);
        Assert.Equal("Words of the body.", item.Entry.Title);
    }

    [Fact]
    public void Parse_RssDescriptionWithUnescapedHtmlElements_ReadsThemAsMarkup()
    {
        var feed = Parse("<rss version=\"2.0\"><channel><title>T</title><item><title>x</title><link>https://a.example/x</link><description>Some <b>bold</b> &amp; <a href=\"/y\">linked</a> text<br/>next</description></item></channel></rss>");

        Assert.Equal("Some bold & linked text\nnext", Assert.Single(feed.Entries).Summary);
    }

    [Theory]
    [InlineData("Sat, 28 Nov 2026 09:00:00 GMT", 2026, 11, 28, 9, 0)]
    [InlineData("Sat, 28 Nov 26 09:00 EST", 2026, 11, 28, 14, 0)]
    [InlineData("28 November 2026 09:00:00 +0130", 2026, 11, 28, 7, 30)]
    [InlineData("Samstag, 28 Dez 2026 09:00:00 MEZ", 2026, 12, 28, 8, 0)]
    [InlineData("2026-11-28T09:00:00.123456789+02:00", 2026, 11, 28, 7, 0)]
    [InlineData("2026-11-28", 2026, 11, 28, 0, 0)]
    [InlineData("20261128T0900Z", 2026, 11, 28, 9, 0)]
    [InlineData("2026-11-28 09:00", 2026, 11, 28, 9, 0)]
    public void Parse_DateVariants_AreReadAsUtc(string raw, int year, int month, int day, int hour, int minute)
    {
        var feed = Parse($"<rss version=\"2.0\"><channel><title>T</title><item><title>x</title><link>https://a.example/x</link><pubDate>{raw}</pubDate></item></channel></rss>");

        var published = Assert.Single(feed.Entries).Published!.Value;
        Assert.Equal(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero), new DateTimeOffset(published.Ticks - (published.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero));
    }
}
