using System.Security;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace NewsBot.Tests.Feeds;

/// <summary>Whatever the bytes, the parser answers, and what it answers is clean text.</summary>
public sealed partial class FeedParserPropertyTests
{
    private static readonly Uri FeedUrl = new("https://feeds.example/feed.xml");

    private readonly FeedParser _parser = new();

    [Property(MaxTest = 300)]
    public bool Parse_ArbitraryBytes_NeverThrowsAndReturnsOnlyCleanText(byte[] bytes, string? charset)
    {
        var document = _parser.Parse(bytes, charset, FeedUrl);

        return (document.IsFeed || document.Problems.Count == 1) && IsClean(document);
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(Documents)])]
    public bool Parse_FeedsFullOfHtmlFragments_ReturnNoMarkupAndNoControlCharacters(string xml)
    {
        var document = _parser.Parse(Encoding.UTF8.GetBytes(xml), null, FeedUrl);

        return document.IsFeed
            && document.Items.Count == 3
            && IsClean(document)
            && document.Items.All(i => !HasMarkup(i.Entry.Summary) && !HasMarkup(i.Content));
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(Documents)])]
    public bool Parse_DocumentCutAnywhere_NeverThrowsAndKeepsOnlyWholeItems(string xml, byte keep)
    {
        var cut = xml[..(xml.Length * keep / 255)];

        var document = _parser.Parse(Encoding.UTF8.GetBytes(cut), null, FeedUrl);

        return IsClean(document) && (document.IsFeed ? document.Items.Count <= 3 : document.Problems.Count == 1 && document.Items.Count == 0);
    }

    [Fact(Timeout = 120_000)]
    public async Task Parse_TenMegabyteSingleLine_ReadsTheItemWithinItsLimits()
    {
        var words = string.Concat(Enumerable.Repeat("word ", 2_000_000));
        var xml = $"<rss version=\"2.0\"><channel><title>Long</title><item><title>One line</title><link>https://a.example/1</link><description>{words}</description></item></channel></rss>";

        var document = await Task.Run(() => _parser.Parse(Encoding.UTF8.GetBytes(xml), null, FeedUrl));

        var item = Assert.Single(document.Items);
        Assert.Equal(HtmlToText.MaxSummaryLength, item.Entry.Summary.Length);
        Assert.EndsWith("word…", item.Entry.Summary, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task Parse_TenMegabytesOfJunkOnOneLine_SaysWhatItIs()
    {
        var junk = new string('x', 10 * 1024 * 1024);

        var document = await Task.Run(() => _parser.Parse(Encoding.UTF8.GetBytes(junk), null, FeedUrl));

        Assert.False(document.IsFeed);
        Assert.StartsWith("This looks like plain text, not a feed", Assert.Single(document.Problems.English()), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonFeedWithWrongTypes_KeepsWhatItCanAndSaysWhatItSkipped()
    {
        var json = """
            {"version":"https://jsonfeed.org/version/1.1","title":5,"home_page_url":["x"],"items":[
              1, "two", null,
              {"id":{"x":1},"title":["a"],"url":7,"date_published":12,"tags":"news","authors":"someone","attachments":{"url":"x"},"content_html":{"p":1}},
              {"id":42,"title":"Fine","url":"https://json.example/fine","summary":"Kept."}
            ]}
            """;

        var document = _parser.Parse(Encoding.UTF8.GetBytes(json), null, FeedUrl);

        Assert.True(document.IsFeed);
        Assert.Equal("", document.Title);
        Assert.Equal(2, document.Items.Count);
        Assert.Null(document.Items[0].Entry.Id);
        Assert.Empty(document.Items[0].Entry.Categories);
        Assert.Empty(document.Items[0].Enclosures);
        Assert.Equal("42", document.Items[1].Entry.Id);
        Assert.Equal("Kept.", document.Items[1].Entry.Summary);
        Assert.Contains("3 entries of \"items\" are not objects and were skipped", document.Problems.English());
    }

    [Theory]
    [InlineData("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":{}}")]
    [InlineData("{\"version\":7,\"items\":[]}")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"title\":\"a\"}]")]
    public void Parse_BrokenJsonFeeds_GiveOneClearProblemOrAFeed(string json)
    {
        var document = _parser.Parse(Encoding.UTF8.GetBytes(json), null, FeedUrl);

        Assert.True(document.IsFeed ? document.Problems.Count > 0 : document.Problems.Count == 1);
    }

    private static bool IsClean(FeedDocument document) =>
        IsCleanLine(document.Title)
        && document.Problems.English().All(IsCleanLine)
        && document.Items.All(i =>
            IsCleanLine(i.Entry.Title)
            && IsCleanLine(i.OwnTitle)
            && IsCleanText(i.Entry.Summary)
            && IsCleanText(i.Content)
            && (i.Entry.Author is null || IsCleanLine(i.Entry.Author))
            && i.Entry.Categories.All(IsCleanLine)
            && (i.Entry.Link is null || i.Entry.Link.StartsWith("http", StringComparison.Ordinal)));

    private static bool IsCleanText(string text) =>
        !text.Any(c => char.IsControl(c) && c != '\n') && text == text.Trim() && !text.Contains("\n\n\n", StringComparison.Ordinal);

    private static bool IsCleanLine(string text) => IsCleanText(text) && !text.Contains('\n', StringComparison.Ordinal);

    // A tag or comment of the generated markup that survived as text. A lone '<' from the input may
    // end up beside letters ("<text"), as it does in a browser; that is text, not markup.
    private static bool HasMarkup(string text) => MarkupPattern().IsMatch(text);

    [GeneratedRegex("<!--|<!DOCTYPE|<\\?xml|</?(p|b|i|br|li|ul|div|script|style|pre|svg|math|table|tr|td|a|img|title|html|body|template|noscript|iframe|object|textarea)\\b[^<>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex MarkupPattern();

    /// <summary>RSS documents whose titles, descriptions and bodies are made of HTML fragments, controls and odd text.</summary>
    public static class Documents
    {
        private static readonly string[] Pieces =
        [
            "<p>", "</p>", "<b>", "</i>", "<br>", "<br/>", "<li>", "<ul>", "</ul>", "<div", ">", "<", "&", "&amp;", "&unknown;",
            "&#x1F680;", "&#0;", "&#xD800;", "&#1114112;", "&#150;", "&nbsp;", "<script>", "</script>", "<style>", "x{}", "<pre>", "</pre>",
            "<!--", "-->", "<![CDATA[", "]]>", "<svg>", "<math>", "<table><tr><td>", "text", "Привет", "日本語", "🚀", " ", "\n", "\r", "\t",
            "\u0001", "\u000B", "\u001F", "\u007F", "\u0085", "\u00A0", "\u2028", "\uFEFF", "\"", "'", "<iframe src=x>", "</iframe>",
            "<a href=\"", "\">", "<img src=x>", "<title>", "<html>", "<body>", "<template>", "<noscript>", "<object>", "</object>",
            "<!DOCTYPE html>", "<?xml?>", "<textarea>", "<p onclick=\"x()\">",
        ];

        public static Arbitrary<string> Strings() =>
            (from titles in Gen.ArrayOf(Fragment(), 3)
             from bodies in Gen.ArrayOf(Fragment(), 3)
             from contents in Gen.ArrayOf(Fragment(), 3)
             select Rss(titles, bodies, contents)).ToArbitrary();

        private static Gen<string> Fragment() => Gen.ListOf(Gen.Elements(Pieces)).Select(string.Concat);

        private static string Rss(string[] titles, string[] bodies, string[] contents)
        {
            var xml = new StringBuilder("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Generated</title>");
            for (var i = 0; i < 3; i++)
            {
                xml.Append("<item><title>").Append(Escape(titles[i])).Append("</title>")
                    .Append("<link>https://generated.example/").Append(i).Append("</link>")
                    .Append("<description>").Append(Escape(bodies[i])).Append("</description>")
                    .Append("<content:encoded>").Append(Escape(contents[i])).Append("</content:encoded></item>");
            }

            return xml.Append("</channel></rss>").ToString();
        }

        // XML escaping; characters XML cannot carry at all go, as no real feed could hold them either.
        private static string Escape(string text) =>
            SecurityElement.Escape(string.Concat(text.Where(c => c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF'))))!;
    }
}
