using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static NewsBot.Tests.Feeds.FeedParsing;

namespace NewsBot.Tests.Feeds;

public sealed class FeedParserTests
{
    /// <summary>An RSS 2.0 document titled "T" whose channel holds <paramref name="content"/>.</summary>
    private static string Rss(string content) => $"<rss version=\"2.0\"><channel><title>T</title>{content}</channel></rss>";

    [Fact]
    public void Parse_Rss20WithRfc822Dates_ConvertsEveryZoneToUtc()
    {
        var feed = ParseFixture("rss20_rfc822.xml");

        Assert.True(feed.IsFeed);
        Assert.Equal(
            [Utc(2026, 11, 27, 8, 5), Utc(2026, 11, 27, 9, 0), Utc(2026, 11, 27, 15, 0), Utc(2026, 12, 1, 8, 5)],
            feed.Entries.Select(e => e.Published!.Value));
        Assert.All(feed.Entries, e => Assert.Equal(TimeSpan.Zero, e.Published!.Value.Offset));
        Assert.Empty(feed.Problems.English());
    }

    [Fact]
    public void Parse_Rss20Item_CanonicalisesLinkAndCleansFields()
    {
        var entry = ParseFixture("rss20_rfc822.xml").Entries[0];

        Assert.Equal("dc-0001", entry.Id);
        Assert.Equal("Chip makers race to 1 nm", entry.Title);
        Assert.Equal("https://daily-circuit.example/news/1nm?id=7", entry.Link);
        Assert.Equal("Jane Doe", entry.Author);
        Assert.Equal(["Hardware", "Semiconductors"], entry.Categories);
        Assert.Equal("Three foundries announced roadmaps.", entry.Summary);
        Assert.Null(entry.ImageUrl);
    }

    [Fact]
    public void Parse_Rss20ItemWithDcCreator_UsesItAsAuthor()
    {
        Assert.Equal("Sam Lee", ParseFixture("rss20_rfc822.xml").Entries[1].Author);
    }

    [Theory]
    [InlineData(1, "https://daily-circuit.example/news/quantum")]
    [InlineData(3, "https://daily-circuit.example/news/phone")]
    public void Parse_Rss20ItemLink_ComesFromLinkOrElsePermalinkGuid(int item, string link)
    {
        Assert.Equal(link, ParseFixture("rss20_rfc822.xml").Entries[item].Link);
    }

    [Fact]
    public void Parse_Rss20WithTtl_ReportsTtl()
    {
        Assert.Equal(TimeSpan.FromMinutes(60), ParseFixture("rss20_rfc822.xml").Ttl);
    }

    [Fact]
    public void Parse_NonStandardDates_KeepsParsableOnesAndReportsTheRest()
    {
        var feed = ParseFixture("rss20_nonstd_date.xml");

        Assert.True(feed.IsFeed);
        Assert.Equal(4, feed.Entries.Count);
        Assert.Equal(Utc(2026, 11, 28, 9, 0), feed.Entries[0].Published);
        Assert.Equal(Utc(2026, 11, 28, 10, 0), feed.Entries[1].Published);
        Assert.Null(feed.Entries[2].Published);
        Assert.Null(feed.Entries[3].Published);
        Assert.Contains("Item 3 has no usable date (\"yesterday\")", feed.Problems.English());
        Assert.Contains("1 item has no date", feed.Problems.English());
    }

    [Theory]
    [InlineData("rss20_rfc822.xml", "RSS 2.0", "Daily Circuit", "https://daily-circuit.example/")]
    [InlineData("atom10.xml", "Atom 1.0", "Open Lab Notes", "https://open-lab.example/")]
    [InlineData("rss10_rdf.xml", "RSS 1.0", "Greenline Weekly", "https://greenline.example/")]
    [InlineData("dc_odd_prefix.xml", "RSS 1.0", "Odd prefixes", "https://odd.example/")]
    [InlineData("atom03_base64.xml", "Atom 0.3", "Old Atom", "https://atom03.example/")]
    [InlineData("cdf.xml", "CDF", "Channel Definition Format", "https://cdf.example/")]
    [InlineData("rss091.xml", "RSS 0.91", "Ninety-one", "https://rss091.example/")]
    [InlineData("rss090.xml", "RSS 0.90", "Ninety", "https://rss090.example/")]
    public void Parse_EveryFormat_ReadsFormatTitleAndSiteLink(string fixture, string format, string title, string siteLink)
    {
        var feed = ParseFixture(fixture);

        Assert.True(feed.IsFeed);
        Assert.Equal(format, feed.Format);
        Assert.Equal(title, feed.Title);
        Assert.Equal(siteLink, feed.SiteLink);
    }

    [Fact]
    public void Parse_Atom10_ReadsEveryEntryWithoutProblems()
    {
        var feed = ParseFixture("atom10.xml");

        Assert.Equal(2, feed.Entries.Count);
        Assert.Empty(feed.Problems.English());
    }

    [Fact]
    public void Parse_AtomEntryWithPublished_UsesPublishedAndUpdated()
    {
        var entry = ParseFixture("atom10.xml").Entries[0];

        Assert.Equal("urn:open-lab:comet", entry.Id);
        Assert.Equal(Utc(2026, 11, 26, 18, 30), entry.Published);
        Assert.Equal(Utc(2026, 11, 27, 7, 0), entry.Updated);
        Assert.Equal("https://open-lab.example/comet", entry.Link);
        Assert.Equal("Dr. Ada Moss", entry.Author);
        Assert.Equal(["Astronomy", "Space"], entry.Categories);
        Assert.Equal("A bright comet.", entry.Summary);
        Assert.Equal("https://open-lab.example/img/comet.jpg", entry.ImageUrl);
    }

    [Fact]
    public void Parse_AtomEntryWithOnlyUpdatedAndHtmlTitle_FallsBackToUpdatedAndStripsTags()
    {
        var entry = ParseFixture("atom10.xml").Entries[1];

        Assert.Equal("Atom bold entry", entry.Title);
        Assert.Equal(Utc(2026, 11, 27, 8, 5), entry.Published);
        Assert.Equal(Utc(2026, 11, 27, 8, 5), entry.Updated);
        Assert.Equal("https://feeds.example/notes/bold", entry.Link);
        Assert.Equal("Only an updated date.", entry.Summary);
        Assert.Equal("https://open-lab.example/img/bold-thumb.png", entry.ImageUrl);
    }

    [Fact]
    public void Parse_Rss10Rdf_ReadsItemsWithDublinCoreDates()
    {
        var feed = ParseFixture("rss10_rdf.xml");

        Assert.Equal(2, feed.Entries.Count);
        Assert.Equal(Utc(2026, 11, 25, 5, 0), feed.Entries[0].Published);
        Assert.Equal("Mia Berg", feed.Entries[0].Author);
        Assert.Equal("https://greenline.example/glaciers", feed.Entries[0].Link);
        Assert.Equal("New measurements from the Alps.", feed.Entries[0].Summary);
        Assert.Equal(Utc(2026, 11, 24, 12, 0), feed.Entries[1].Published);
    }

    [Theory]
    [InlineData(0, "First bold & link\nline2\n5 < 6 café — end")]
    [InlineData(1, "• one\n• two")]
    public void Parse_CdataOrEntityEscapedHtmlDescription_BecomesPlainText(int item, string summary)
    {
        Assert.Equal(summary, ParseFixture("rss20_html.xml").Entries[item].Summary);
    }

    [Fact]
    public void Parse_ContentEncodedOnlyAndEmptyTitle_UsesContentForSummaryTitleAndImage()
    {
        var feed = ParseFixture("rss20_html.xml");
        var entry = feed.Entries[2];

        Assert.StartsWith("Content only, with a picture: and text that goes on", entry.Summary, StringComparison.Ordinal);
        Assert.EndsWith("…", entry.Title, StringComparison.Ordinal);
        Assert.True(entry.Title.Length <= 80);
        Assert.StartsWith("Content only, with a picture:", entry.Title, StringComparison.Ordinal);
        Assert.Equal("https://feeds.example/img/harbour.jpg", entry.ImageUrl);
        Assert.Equal("Harbour & Street", feed.Title);
        Assert.Contains("1 item has no title; its summary or link is used instead", feed.Problems.English());
    }

    [Fact]
    public void Parse_MediaRss_PrefersMediaContentThenThumbnailThenEnclosureThenHtml()
    {
        var feed = ParseFixture("rss20_media.xml");

        Assert.Equal("RSS 2.0", feed.Format);
        Assert.Equal(
            [
                "https://media.example/img/content.jpg",
                "https://media.example/img/video-thumb.jpg",
                "https://media.example/img/only.png",
                "https://cdn.media.example/img/ep.webp",
                "https://media.example/img/by-extension.jpeg",
            ],
            feed.Entries.Select(e => e.ImageUrl));
    }

    [Fact]
    public void Parse_InvalidXmlCharacters_RemovesThemAndSaysSo()
    {
        var feed = ParseFixture("rss20_invalid_chars.xml");

        Assert.True(feed.IsFeed);
        Assert.Equal("ControlChars", feed.Title);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("Bad bytes inside", entry.Title);
        Assert.Equal("Text with a vertical tab.", entry.Summary);
        Assert.Contains("The document had 4 invalid characters that were removed", feed.Problems.English());
    }

    [Fact]
    public void Parse_WhitespaceBeforeXmlDeclaration_StillParses()
    {
        var feed = ParseFixture("rss20_leading_ws.xml");

        Assert.True(feed.IsFeed);
        Assert.Equal("Still parsed", Assert.Single(feed.Entries).Title);
        Assert.Empty(feed.Problems.English());
    }

    [Fact]
    public void Parse_UnescapedAmpersandsAndHtmlEntities_RepairsAndReports()
    {
        var feed = ParseFixture("rss20_unescaped_amp.xml");

        Assert.True(feed.IsFeed);
        Assert.Equal("Tom & Jerry News", feed.Title);
        Assert.Equal("https://cartoons.example/?a=1&b=2", feed.SiteLink);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("Tom & Jerry return", entry.Title);
        Assert.Equal("https://cartoons.example/show?season=2&episode=5", entry.Link);
        Assert.Equal("Cat & mouse & more &unknown; stuff © 2026", entry.Summary);
        Assert.Contains(feed.Problems.English(), p => p.Contains("unescaped '&'", StringComparison.Ordinal));
        Assert.Contains(feed.Problems.English(), p => p.Contains("&nbsp;", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Windows1251WithoutBom_DecodesCyrillic()
    {
        var feed = ParseFixture("rss20_cp1251.xml");

        Assert.Equal("Новости науки", feed.Title);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("Учёные открыли новую звезду", entry.Title);
        Assert.Equal("Телескоп увидел яркую вспышку.", entry.Summary);
        Assert.Equal(["Наука"], entry.Categories);
        Assert.Equal(Utc(2026, 11, 23, 4, 30), entry.Published);
    }

    [Fact]
    public void Parse_Windows1251WithContradictingUtf8Charset_TrustsTheBytes()
    {
        var feed = ParseFixture("rss20_cp1251.xml", charset: "utf-8");

        Assert.Equal("Новости науки", feed.Title);
        Assert.Contains(feed.Problems.English(), p => p.Contains("windows-1251 was used", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Utf8WithWrongLatin1Charset_TrustsTheBytes()
    {
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Café ☕</title></channel></rss>");

        var feed = Parser.Parse(bytes, "iso-8859-1", FeedUrl);

        Assert.Equal("Café ☕", feed.Title);
    }

    [Fact]
    public void Parse_Utf16WithByteOrderMark_Decodes()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss version=\"2.0\"><channel><title>Ünïcode</title></channel></rss>";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(xml)).ToArray();

        var feed = Parser.Parse(bytes, null, FeedUrl);

        Assert.True(feed.IsFeed);
        Assert.Equal("Ünïcode", feed.Title);
    }

    [Fact]
    public void Parse_JsonFeed11_ReadsEveryField()
    {
        var feed = ParseFixture("jsonfeed11.json", baseUri: new Uri("https://harbour-street.example/feed.json"));

        Assert.Equal("JSON Feed 1.1", feed.Format);
        Assert.Equal("Harbour Street Journal", feed.Title);
        Assert.Equal("https://harbour-street.example/", feed.SiteLink);
        Assert.Equal(3, feed.Entries.Count);
        var first = feed.Entries[0];
        Assert.Equal("hsj-1", first.Id);
        Assert.Equal("Markets close higher", first.Title);
        Assert.Equal("https://harbour-street.example/markets", first.Link);
        Assert.Equal(Utc(2026, 11, 27, 7, 5), first.Published);
        Assert.Equal(Utc(2026, 11, 27, 9, 0), first.Updated);
        Assert.Equal("Lena Ortiz", first.Author);
        Assert.Equal("Shares rose after the earnings report.", first.Summary);
        Assert.Equal(["Business", "markets"], first.Categories);
        Assert.Equal("https://harbour-street.example/img/markets.jpg", first.ImageUrl);
    }

    [Fact]
    public void Parse_JsonFeedItemWithoutTitleOrDate_FallsBackAndReports()
    {
        var feed = ParseFixture("jsonfeed11.json", baseUri: new Uri("https://harbour-street.example/feed.json"));
        var second = feed.Entries[1];
        var third = feed.Entries[2];

        Assert.Equal("2", second.Id);
        Assert.Equal("A title-less micro post about the harbour festival.", second.Title);
        Assert.Equal("https://harbour-street.example/notes/short", second.Link);
        Assert.Equal("Harbour Desk", second.Author);
        Assert.Null(second.Published);
        Assert.Equal("https://harbour-street.example/img/festival.png", second.ImageUrl);
        Assert.Equal("https://elsewhere.example/story", third.Link);
        Assert.Equal("https://harbour-street.example/img/inline.gif", third.ImageUrl);
        Assert.Contains("Item 2 has no usable date (\"not a date\")", feed.Problems.English());
        Assert.Contains("1 item has no date", feed.Problems.English());
    }

    [Fact]
    public void Parse_JsonFeed10WithSingleAuthor_ReadsAuthor()
    {
        var json = """{"version":"https://jsonfeed.org/version/1","title":"Old","items":[{"id":"1","title":"x","url":"https://a.example/1","author":{"name":"Solo"},"date_published":"2026-01-02T03:04:05Z"}]}""";

        var feed = Parse(json, null);

        Assert.Equal("JSON Feed 1.0", feed.Format);
        Assert.Equal("Solo", Assert.Single(feed.Entries).Author);
    }

    [Fact]
    public void Parse_BillionLaughs_FailsFastWithoutExpandingEntities()
    {
        var bytes = Fixtures.Bytes("billion_laughs.xml");
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var feed = Parser.Parse(bytes, null, FeedUrl);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.False(feed.IsFeed);
        Assert.Empty(feed.Entries);
        Assert.StartsWith("The document's DTD", Assert.Single(feed.Problems.English()), StringComparison.Ordinal);
        Assert.True(allocated < 5_000_000, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Parse_ExternalEntity_IsNeverLoadedAndItsReferenceIsLeftOut()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>Before&secret;After</title></channel></rss>";

        var feed = Parse(xml);

        Assert.True(feed.IsFeed);
        Assert.Equal("BeforeAfter", feed.Title);
        Assert.Contains("external entities are never loaded", Assert.Single(feed.Problems.English()), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DoctypeWithoutEntities_IsIgnored()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version=\"0.91\"><channel><title>Old &amp; gold</title><link>https://old.example/</link><item><title>One</title><link>https://old.example/1</link></item></channel></rss>";

        var feed = Parse(xml);

        Assert.True(feed.IsFeed);
        Assert.Equal("RSS 0.91", feed.Format);
        Assert.Equal("Old & gold", feed.Title);
        Assert.Equal("One", Assert.Single(feed.Entries).Title);
    }

    [Fact]
    public void Parse_HtmlPage_SaysItIsAWebPageWithItsTitle()
    {
        var feed = ParseFixture("html_page.html");

        Assert.False(feed.IsFeed);
        Assert.Null(feed.Format);
        Assert.Empty(feed.Entries);
        Assert.Equal("This looks like an HTML web page, not a feed (page title: \"Just a moment...\")", Assert.Single(feed.Problems.English()));
    }

    [Fact]
    public void Parse_EmptyFile_SaysTheDocumentIsEmpty()
    {
        var feed = ParseFixture("empty.xml");

        Assert.False(feed.IsFeed);
        Assert.Equal("The document is empty", Assert.Single(feed.Problems.English()));
    }

    [Fact]
    public void Parse_TruncatedXml_ReportsXmlErrorWithLine()
    {
        var feed = ParseFixture("truncated.xml");

        Assert.False(feed.IsFeed);
        Assert.Empty(feed.Entries);
        Assert.StartsWith("XML error at line 6", Assert.Single(feed.Problems.English()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" \r\n\t ", "The document is empty")]
    [InlineData("Service temporarily unavailable", "This looks like plain text, not a feed (it starts with \"Service temporarily unavailable\")")]
    [InlineData("<?xml version=\"1.0\"?><sitemap><url/></sitemap>", "This is an XML document but not a feed (its root element is <sitemap>)")]
    public void Parse_NotAFeed_SaysWhatItIs(string document, string problem)
    {
        var feed = Parse(document);

        Assert.False(feed.IsFeed);
        Assert.Empty(feed.Entries);
        Assert.Equal(problem, Assert.Single(feed.Problems.English()));
    }

    [Theory]
    [InlineData("""{"status":"ok"}""", "This is JSON, but not a JSON Feed")]
    [InlineData("{\n\"version\": \"https://jsonfeed.org/version/1.1\",\n\"items\": [\n", "JSON error at line")]
    [InlineData("<html><head><title>Home</title></head><body><p>hi</body></html>", "This looks like an HTML web page, not a feed")]
    [InlineData("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Home</title></head><body/></html>", "This looks like an HTML web page, not a feed")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x\"><html><body/></html>", "This looks like an HTML web page, not a feed")]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n", "XML error")]
    public void Parse_NotAFeed_SaysWhatItIsAndWhy(string document, string problemStart)
    {
        var feed = Parse(document);

        Assert.False(feed.IsFeed);
        Assert.Empty(feed.Entries);
        Assert.StartsWith(problemStart, Assert.Single(feed.Problems.English()), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BinaryData_SaysItIsBinary()
    {
        var feed = Parser.Parse(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF }, null, FeedUrl);

        Assert.False(feed.IsFeed);
        Assert.Equal("This looks like binary data, not a feed", Assert.Single(feed.Problems.English()));
    }

    [Fact]
    public void Parse_DoctypeAfterComment_IsStillFoundAndItsEntitiesExpanded()
    {
        var xml = "<?xml version=\"1.0\"?><!-- hi --><?pi x?>\n<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><rss version=\"2.0\"><channel><title>&b;</title></channel></rss>";

        var feed = Parse(xml);

        Assert.True(feed.IsFeed);
        Assert.Equal(new string('a', 40), feed.Title);
    }

    [Fact]
    public void Parse_EmptyChannel_IsAFeedWithoutEntries()
    {
        var feed = Parse("<rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>");

        Assert.True(feed.IsFeed);
        Assert.Empty(feed.Entries);
        Assert.Empty(feed.Problems.English());
    }

    [Fact]
    public void Parse_ItemsWithoutLinks_CountsThemInOneProblem()
    {
        var xml = Rss("<item><title>a</title></item><item><title>b</title></item><item><title>c</title><link>mailto:x@y.example</link></item>");

        var feed = Parse(xml);

        Assert.Contains("3 items have no link", feed.Problems.English());
        Assert.All(feed.Entries, e => Assert.Null(e.Link));
    }

    [Fact]
    public void Parse_ItemWithNothingButLink_UsesLinkAsTitle()
    {
        var xml = Rss("<item><link>https://a.example/x</link></item>");

        var entry = Assert.Single(Parse(xml).Entries);

        Assert.Equal("https://a.example/x", entry.Title);
        Assert.Equal("", entry.Summary);
    }

    [Fact]
    public void Parse_TitleWithLessThanSign_KeepsTheText()
    {
        var xml = Rss("<item><title>Why x&lt;y matters</title><link>https://a.example/x</link></item>");

        var entry = Assert.Single(Parse(xml).Entries);

        Assert.Equal("Why x<y matters", entry.Title);
    }

    [Fact]
    public void Parse_LongTitleAndSummary_AreTruncatedWithEllipsis()
    {
        var longTitle = string.Join(' ', Enumerable.Repeat("headline", 60));
        var longText = string.Join(' ', Enumerable.Repeat("word", 400));
        var xml = Rss($"<item><title>{longTitle}</title><link>https://a.example/x</link><description>{longText}</description></item>");

        var entry = Assert.Single(Parse(xml).Entries);

        Assert.True(entry.Title.Length <= HtmlToText.MaxTitleLength);
        Assert.True(entry.Summary.Length <= HtmlToText.MaxSummaryLength);
        Assert.EndsWith("headline…", entry.Title, StringComparison.Ordinal);
        Assert.EndsWith("word…", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManyUnusableDates_ListsFiveAndCountsTheRest()
    {
        var items = string.Concat(Enumerable.Range(1, 8).Select(i => $"<item><title>{i}</title><link>https://a.example/{i}</link><pubDate>soon {i}</pubDate></item>"));
        var xml = Rss(items);

        var feed = Parse(xml);

        Assert.Equal(5, feed.Problems.English().Count(p => p.StartsWith("Item ", StringComparison.Ordinal)));
        Assert.Contains("3 more items have unusable dates", feed.Problems.English());
    }

    [Fact]
    public void Parse_RelativeLinksWithoutBaseUri_UseTheSiteLink()
    {
        var xml = Rss("<link>https://site.example/blog/</link><item><title>a</title><link>post-1</link></item>");

        var entry = Assert.Single(Parse(xml, null).Entries);

        Assert.Equal("https://site.example/blog/post-1", entry.Link);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("<div>", 40_000)]
    [InlineData("<div>", 380_000)]
    [InlineData("<b>", 500_000)]
    public async Task Parse_ItemWithDeepHtmlInCdata_KeepsTheItemAndSaysTheHtmlWasTooDeep(string tag, int count)
    {
        var html = "Visible lead. " + string.Concat(Enumerable.Repeat(tag, count)) + "buried";
        var xml = Rss($"<item><title>Deep</title><link>https://a.example/deep</link><description><![CDATA[{html}]]></description></item><item><title>Next</title><link>https://a.example/next</link></item>");

        var feed = await Task.Run(() => Parse(xml));

        Assert.Equal(["Deep", "Next"], feed.Entries.Select(e => e.Title));
        Assert.Equal("Visible lead.", feed.Entries[0].Summary);
        Assert.Contains(feed.Problems.English(), p => p.StartsWith("Item 1 has HTML nested more than 256 elements deep", StringComparison.Ordinal));
    }

    [Fact(Timeout = 120_000)]
    public async Task Parse_XmlNestedTenThousandLevels_IsRefusedWithAClearProblem()
    {
        var xml = Rss("<item><title>a</title>" + string.Concat(Enumerable.Repeat("<x>", 10_000)) + string.Concat(Enumerable.Repeat("</x>", 10_000)) + "</item>");

        var feed = await Task.Run(() => Parse(xml));

        Assert.Contains(feed.Problems.English(), p => p.Contains("more than 256 levels deep", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_EveryFixture_NeverThrows()
    {
        foreach (var file in Directory.GetFiles(Fixtures.Directory))
        {
            var bytes = File.ReadAllBytes(file);
            for (var length = 0; length <= bytes.Length; length += Math.Max(1, bytes.Length / 37))
            {
                var document = Parser.Parse(bytes.AsMemory(0, length), null, FeedUrl);
                Assert.True(document.IsFeed || document.Problems.Count > 0, $"{Path.GetFileName(file)} cut at {length}");
            }
        }
    }

    [Property(MaxTest = 200)]
    public bool Parse_AnyBytes_NeverThrows(byte[] bytes, string? charset)
    {
        var document = Parser.Parse(bytes, charset, FeedUrl);
        return document.IsFeed || document.Problems.Count == 1;
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(MutatedFixtures)])]
    public bool Parse_MutatedFixture_NeverThrowsAndAlwaysExplainsFailure(byte[] bytes)
    {
        var document = Parser.Parse(bytes, null, FeedUrl);
        return document.IsFeed
            ? document.Entries.All(e => e.Title.Length > 0 && (e.Link is null || e.Link.StartsWith("http", StringComparison.Ordinal)))
            : document.Entries.Count == 0 && document.Problems.Count == 1;
    }

    /// <summary>Fixture documents with a few bytes overwritten, inserted or cut off.</summary>
    public static class MutatedFixtures
    {
        private static readonly byte[][] Documents = Directory.GetFiles(Fixtures.Directory).Select(File.ReadAllBytes).Where(b => b.Length > 0).ToArray();
        private static readonly byte[] Interesting = "<>&;\"'[]!?/=#x0\n"u8.ToArray().Concat(new byte[] { 0x00, 0x0B, 0x80, 0xC3, 0xFF, 0xEF, 0xBB, 0xBF }).ToArray();

        public static Arbitrary<byte[]> Bytes() =>
            (from document in Gen.Elements(Documents)
             from edits in Gen.ListOf(Gen.Zip(Gen.Choose(0, 1_000_000), Gen.Elements(Interesting)), 5)
             from cut in Gen.Frequency((3, Gen.Constant(1.0)), (1, Gen.Choose(0, 100).Select(p => p / 100.0)))
             select Mutate(document, edits, cut)).ToArbitrary();

        private static byte[] Mutate(byte[] document, IEnumerable<(int Position, byte Value)> edits, double keep)
        {
            var bytes = document.ToList();
            foreach (var (position, value) in edits)
            {
                var index = position % bytes.Count;
                if (position % 2 == 0)
                {
                    bytes[index] = value;
                }
                else
                {
                    bytes.Insert(index, value);
                }
            }

            return bytes.Take((int)(bytes.Count * keep)).ToArray();
        }
    }

    [Fact]
    public void Parse_Entries_AreFeedEntryRecords()
    {
        IReadOnlyList<FeedEntry> entries = ParseFixture("rss20_rfc822.xml").Entries;

        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Title)));
    }
}
