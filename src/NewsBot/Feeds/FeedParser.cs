using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;
using NewsBot.Core.Articles;

namespace NewsBot.Feeds;

/// <summary>
/// Turns the bytes of a downloaded feed (RSS 0.9x/1.0/2.0, Atom, JSON Feed) into normalised
/// <see cref="FeedEntry"/> records. Never throws: anything that is not a feed comes back as a
/// <see cref="FeedDocument"/> with no entries and a problem describing what it looked like.
/// </summary>
internal sealed class FeedParser
{
    private const int MaxAuthorLength = 200;
    private const int MaxCategoryLength = 100;
    private const int TitleFromSummaryLength = 80;
    private const int MaxDateProblemsListed = 5;

    private static readonly XNamespace MediaNamespace = "http://search.yahoo.com/mrss/";
    private static readonly XNamespace AtomNamespace = "http://www.w3.org/2005/Atom";
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".bmp", ".svg"];

    /// <summary>Parses one downloaded document.</summary>
    /// <param name="content">The raw bytes as received (already decompressed).</param>
    /// <param name="contentTypeCharset">The charset parameter of the HTTP Content-Type, if any.</param>
    /// <param name="baseUri">The URL the document came from, used to make relative links absolute.</param>
#pragma warning disable CA1822 // An instance method so that callers receive the parser by injection.
    public FeedDocument Parse(ReadOnlyMemory<byte> content, string? contentTypeCharset, Uri? baseUri)
#pragma warning restore CA1822
    {
        var problems = new List<string>();
        var text = FeedTextDecoder.Decode(content.Span, contentTypeCharset, problems);
        var start = FirstNonWhitespace(text);
        if (start < 0)
        {
            return FeedDocument.NotAFeed("The document is empty");
        }

        return text[start] switch
        {
            '{' or '[' => ParseJson(text, baseUri, problems),
            '<' => ParseXml(text, baseUri, problems),
            _ => FeedDocument.NotAFeed(DescribeText(text.AsSpan(start))),
        };
    }

    private static FeedDocument ParseXml(string text, Uri? baseUri, List<string> problems)
    {
        var prepared = FeedXmlSanitizer.Prepare(text, problems);
        if (prepared.Rejection is not null)
        {
            return FeedDocument.NotAFeed(prepared.LooksLikeHtml ? DescribeHtml(text) : prepared.Rejection);
        }

        var xml = prepared.Xml!;
        string format;
        try
        {
            var root = FeedXmlSanitizer.ReadRoot(xml);
            var rejection = DescribeRoot(root, text);
            if (rejection is not null)
            {
                return FeedDocument.NotAFeed(rejection);
            }

            format = FormatName(root);
            if (FeedXmlSanitizer.IsTooDeep(xml))
            {
                return FeedDocument.NotAFeed($"The document nests elements more than {FeedXmlSanitizer.MaxDepth} levels deep; it was refused");
            }
        }
        catch (XmlException e)
        {
            return FeedDocument.NotAFeed(DescribeXmlError(e, prepared.LineOffset));
        }

        Feed feed;
        try
        {
            feed = FeedReader.ReadFromByteArray(Encoding.UTF8.GetBytes(xml));
        }
        catch (XmlException e)
        {
            return FeedDocument.NotAFeed(DescribeXmlError(e, prepared.LineOffset));
        }
        // The library throws bare Exceptions (and NullReferenceExceptions) on odd documents; a feed must never crash the caller.
        catch (Exception e)
        {
            return FeedDocument.NotAFeed($"The feed could not be read: {e.Message}");
        }

        var siteLink = UrlCanonicalizer.Canonicalize(SiteLinkOf(feed), baseUri);
        var linkBase = baseUri ?? (siteLink is null ? null : new Uri(siteLink));
        var tally = new ProblemTally();
        var entries = new List<FeedEntry>(feed.Items.Count);
        for (var i = 0; i < feed.Items.Count; i++)
        {
            entries.Add(ToEntry(feed.Items[i], i + 1, linkBase, tally));
        }

        tally.AddTo(problems);
        return new FeedDocument(format, TitleText(feed.Title), siteLink, entries, problems, TtlOf(feed.SpecificFeed));
    }

    private static FeedEntry ToEntry(FeedItem item, int number, Uri? linkBase, ProblemTally tally)
    {
        var specific = item.SpecificItem;
        var (published, updated, rawDate) = DatesOf(item);
        if (published is null)
        {
            tally.NoDate(number, rawDate);
        }

        var link = UrlCanonicalizer.Canonicalize(LinkOf(item), linkBase);
        if (link is null)
        {
            tally.NoLink();
        }

        var summaryHtml = FirstNonEmpty(item.Description, item.Content);
        var read = HtmlToText.Read(summaryHtml, HtmlToText.MaxSummaryLength);
        if (read.TooDeep)
        {
            tally.TooDeep(number);
        }

        var summaryImage = read.ImageSource;
        var summary = HtmlToText.Truncate(read.Text, HtmlToText.MaxSummaryLength);
        var title = TitleText(item.Title);
        if (title.Length == 0)
        {
            tally.NoTitle();
            title = FallbackTitle(summary, link);
        }

        var otherHtml = ReferenceEquals(summaryHtml, item.Content) ? null : item.Content;
        var image = ImageFromElement(specific?.Element, linkBase)
            ?? AbsoluteImageUrl(summaryImage, linkBase)
            ?? FirstImageInHtml(otherHtml, linkBase);

        return new FeedEntry(
            NullIfEmpty(item.Id?.Trim()),
            title,
            link,
            published,
            updated,
            AuthorText(AuthorOf(item)),
            summary,
            CleanCategories(item.Categories),
            image);
    }

    private static (DateTimeOffset? Published, DateTimeOffset? Updated, string? Raw) DatesOf(FeedItem item)
    {
        var published = item.PublishingDate;
        var raw = item.PublishingDateString;
        DateTime? updated = null;
        switch (item.SpecificItem)
        {
            case AtomFeedItem atom:
                updated = atom.UpdatedDate;
                // An Atom entry is only required to have <updated>; it is the best publication date there is.
                published ??= atom.PublishedDate ?? atom.UpdatedDate;
                raw = FirstNonEmpty(atom.PublishedDateString, atom.UpdatedDateString);
                break;
            case Rss20FeedItem rss20:
                published ??= rss20.DC?.Date;
                raw = FirstNonEmpty(raw, rss20.DC?.DateString);
                break;
            case MediaRssFeedItem mediaRss:
                published ??= mediaRss.DC?.Date;
                raw = FirstNonEmpty(raw, mediaRss.DC?.DateString);
                break;
            case Rss10FeedItem rss10:
                published ??= rss10.DC?.Date;
                raw = FirstNonEmpty(raw, rss10.DC?.DateString);
                break;
        }

        return (ToUtc(published), ToUtc(updated), raw);
    }

    private static DateTimeOffset? ToUtc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } utc => new DateTimeOffset(utc),
        { Kind: DateTimeKind.Local } local => new DateTimeOffset(local.ToUniversalTime()),
        var unspecified => new DateTimeOffset(DateTime.SpecifyKind(unspecified.Value, DateTimeKind.Utc)),
    };

    private static string? LinkOf(FeedItem item)
    {
        if (item.SpecificItem is AtomFeedItem atom && atom.Links is { Count: > 0 } links)
        {
            var alternate = links.FirstOrDefault(l => string.IsNullOrEmpty(l.Relation) || l.Relation == "alternate");
            if (!string.IsNullOrWhiteSpace(alternate?.Href))
            {
                return alternate.Href;
            }
        }

        if (!string.IsNullOrWhiteSpace(item.Link))
        {
            return item.Link;
        }

        // An RSS guid is very often the permalink even when <link> is missing.
        return item.Id is { } id && (id.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || id.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            ? id
            : null;
    }

    private static string? AuthorOf(FeedItem item)
    {
        // The library renders an Atom person as "Name <email>"; only the name is wanted.
        if (item.SpecificItem is AtomFeedItem { Author.Name: { } atomName } && !string.IsNullOrWhiteSpace(atomName))
        {
            return atomName;
        }

        if (!string.IsNullOrWhiteSpace(item.Author))
        {
            return item.Author;
        }

        return item.SpecificItem switch
        {
            Rss20FeedItem rss20 => rss20.DC?.Creator,
            MediaRssFeedItem mediaRss => mediaRss.DC?.Creator,
            Rss10FeedItem rss10 => rss10.DC?.Creator,
            _ => null,
        };
    }

    private static string? SiteLinkOf(Feed feed)
    {
        if (feed.SpecificFeed is AtomFeed atom && atom.Links is { Count: > 0 } links)
        {
            var alternate = links.FirstOrDefault(l => string.IsNullOrEmpty(l.Relation) || l.Relation == "alternate");
            if (!string.IsNullOrWhiteSpace(alternate?.Href))
            {
                return alternate.Href;
            }
        }

        return feed.Link;
    }

    private static TimeSpan? TtlOf(BaseFeed? feed)
    {
        var ttl = feed switch
        {
            Rss20Feed rss20 => rss20.TTL,
            MediaRssFeed mediaRss => mediaRss.TTL,
            _ => null,
        };

        return int.TryParse(ttl, NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes) && minutes > 0
            ? TimeSpan.FromMinutes(minutes)
            : null;
    }

    private static FeedDocument ParseJson(string text, Uri? baseUri, List<string> problems)
    {
        var options = new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
        try
        {
            using var json = JsonDocument.Parse(text, options);
            var root = json.RootElement;
            var version = root.ValueKind == JsonValueKind.Object ? JsonString(root, "version") : null;
            if (version is null || !version.Contains("jsonfeed.org/version/", StringComparison.OrdinalIgnoreCase))
            {
                return FeedDocument.NotAFeed("This is JSON, but not a JSON Feed (there is no \"version\": \"https://jsonfeed.org/version/1.1\")");
            }

            var number = version[(version.LastIndexOf('/') + 1)..];
            var format = "JSON Feed " + (number.Contains('.', StringComparison.Ordinal) ? number : number + ".0");
            var siteLink = UrlCanonicalizer.Canonicalize(JsonString(root, "home_page_url"), baseUri);
            var linkBase = baseUri ?? (siteLink is null ? null : new Uri(siteLink));
            var feedAuthor = JsonAuthor(root);
            var tally = new ProblemTally();
            var entries = new List<FeedEntry>();
            if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        entries.Add(ToEntry(item, entries.Count + 1, linkBase, feedAuthor, tally));
                    }
                }
            }
            else
            {
                problems.Add("The JSON Feed has no \"items\" array");
            }

            tally.AddTo(problems);
            return new FeedDocument(format, TitleText(JsonString(root, "title")), siteLink, entries, problems, null);
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            var line = (e.LineNumber ?? 0) + 1;
            return FeedDocument.NotAFeed($"JSON error at line {line}: {(cut > 0 ? message[..cut] : message)}");
        }
    }

    private static FeedEntry ToEntry(JsonElement item, int number, Uri? linkBase, string? feedAuthor, ProblemTally tally)
    {
        var rawPublished = JsonString(item, "date_published");
        var published = ParseJsonDate(rawPublished);
        if (published is null)
        {
            tally.NoDate(number, rawPublished);
        }

        var link = UrlCanonicalizer.Canonicalize(JsonString(item, "url") ?? JsonString(item, "external_url"), linkBase);
        if (link is null)
        {
            tally.NoLink();
        }

        var (contentText, contentImage) = HtmlToText.Extract(JsonString(item, "content_html"));
        var plainSummary = FirstNonEmpty(JsonString(item, "summary"), JsonString(item, "content_text"));
        var summary = HtmlToText.Truncate(
            plainSummary is null ? contentText : HtmlToText.CleanText(plainSummary),
            HtmlToText.MaxSummaryLength);
        var title = TitleText(JsonString(item, "title"));
        if (title.Length == 0)
        {
            // Title-less items are normal in JSON Feed (micro-posts), so no problem is recorded.
            title = FallbackTitle(summary, link);
        }

        var image = AbsoluteImageUrl(JsonString(item, "image"), linkBase)
            ?? AbsoluteImageUrl(JsonString(item, "banner_image"), linkBase)
            ?? JsonAttachmentImage(item, linkBase)
            ?? AbsoluteImageUrl(contentImage, linkBase);

        var categories = item.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
            ? tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString())
            : [];

        return new FeedEntry(
            NullIfEmpty(JsonScalar(item, "id")?.Trim()),
            title,
            link,
            published,
            ParseJsonDate(JsonString(item, "date_modified")),
            AuthorText(JsonAuthor(item) ?? feedAuthor),
            summary,
            CleanCategories(categories),
            image);
    }

    private static string? JsonString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? JsonScalar(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static string? JsonAuthor(JsonElement element)
    {
        // JSON Feed 1.1 has "authors"; 1.0 had a single "author".
        if (element.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            var names = authors.EnumerateArray()
                .Where(a => a.ValueKind == JsonValueKind.Object)
                .Select(a => JsonString(a, "name"))
                .Where(n => !string.IsNullOrWhiteSpace(n))
                .ToList();
            if (names.Count > 0)
            {
                return string.Join(", ", names);
            }
        }

        return element.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object
            ? JsonString(author, "name")
            : null;
    }

    private static string? JsonAttachmentImage(JsonElement item, Uri? linkBase)
    {
        if (!item.TryGetProperty("attachments", out var attachments) || attachments.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return attachments.EnumerateArray()
            .Where(a => a.ValueKind == JsonValueKind.Object && IsImage(null, JsonString(a, "mime_type"), JsonString(a, "url")))
            .Select(a => AbsoluteImageUrl(JsonString(a, "url"), linkBase))
            .FirstOrDefault(u => u is not null);
    }

    private static DateTimeOffset? ParseJsonDate(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date)
            ? date.ToUniversalTime()
            : null;

    private static string? ImageFromElement(XElement? element, Uri? linkBase)
    {
        if (element is null)
        {
            return null;
        }

        var candidates =
            element.Descendants(MediaNamespace + "content")
                .Where(c => IsImage((string?)c.Attribute("medium"), (string?)c.Attribute("type"), (string?)c.Attribute("url")))
                .Select(c => (string?)c.Attribute("url"))
            .Concat(element.Descendants(MediaNamespace + "thumbnail").Select(t => (string?)t.Attribute("url")))
            .Concat(element.Elements("enclosure")
                .Where(e => IsImage(null, (string?)e.Attribute("type"), (string?)e.Attribute("url")))
                .Select(e => (string?)e.Attribute("url")))
            .Concat(element.Elements(AtomNamespace + "link")
                .Where(l => (string?)l.Attribute("rel") == "enclosure" && IsImage(null, (string?)l.Attribute("type"), (string?)l.Attribute("href")))
                .Select(l => (string?)l.Attribute("href")));

        return candidates.Select(url => AbsoluteImageUrl(url, linkBase)).FirstOrDefault(url => url is not null);
    }

    private static bool IsImage(string? medium, string? mediaType, string? url)
    {
        if (medium is not null)
        {
            return medium.Equals("image", StringComparison.OrdinalIgnoreCase);
        }

        if (!string.IsNullOrEmpty(mediaType))
        {
            return mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);
        }

        if (url is null || !Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out var uri))
        {
            return false;
        }

        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : url.Split('?', '#')[0];
        return ImageExtensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase));
    }

    private static string? FirstImageInHtml(string? html, Uri? linkBase) =>
        html is not null && html.Contains("<img", StringComparison.OrdinalIgnoreCase)
            ? AbsoluteImageUrl(HtmlToText.Extract(html).ImageSource, linkBase)
            : null;

    private static string? AbsoluteImageUrl(string? url, Uri? linkBase)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        url = url.Trim();
        Uri? uri;
        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            Uri.TryCreate((linkBase?.Scheme ?? Uri.UriSchemeHttps) + ":" + url, UriKind.Absolute, out uri);
        }
        else if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            Uri.TryCreate(url, UriKind.Absolute, out uri);
        }
        else if (linkBase is not null && !url.Contains(':', StringComparison.Ordinal))
        {
            Uri.TryCreate(linkBase, url, out uri);
        }
        else
        {
            uri = null;
        }

        return uri is not null && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.AbsoluteUri : null;
    }

    private static string TitleText(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "";
        }

        // RSS titles are meant to be plain text: only treat them as HTML when they carry markup,
        // so that a title such as "Why x<y matters" keeps its text.
        var text = LooksLikeMarkup(raw) ? HtmlToText.Convert(raw) : HtmlToText.CleanText(raw);
        return HtmlToText.Truncate(text.Replace('\n', ' '), HtmlToText.MaxTitleLength);
    }

    private static bool LooksLikeMarkup(string text)
    {
        var ampersand = text.IndexOf('&', StringComparison.Ordinal);
        if (ampersand >= 0 && ampersand + 1 < text.Length && (char.IsAsciiLetter(text[ampersand + 1]) || text[ampersand + 1] == '#')
            && text.IndexOf(';', ampersand) > ampersand)
        {
            return true;
        }

        var open = text.IndexOf('<', StringComparison.Ordinal);
        return open >= 0 && open + 1 < text.Length
            && (char.IsAsciiLetter(text[open + 1]) || text[open + 1] is '/' or '!')
            && text.IndexOf('>', open) > open;
    }

    private static string FallbackTitle(string summary, string? link)
    {
        if (summary.Length > 0)
        {
            return HtmlToText.Truncate(summary.Replace('\n', ' '), TitleFromSummaryLength);
        }

        return link ?? "(untitled)";
    }

    private static string? AuthorText(string? raw)
    {
        var author = HtmlToText.CleanText(raw);

        // RSS 2.0 <author> is "jane@example.com (Jane Doe)": keep the name, not the address.
        var open = author.IndexOf(" (", StringComparison.Ordinal);
        if (open > 0 && author.EndsWith(')') && author[..open].Contains('@', StringComparison.Ordinal))
        {
            author = author[(open + 2)..^1].Trim();
        }

        return author.Length == 0 ? null : HtmlToText.Truncate(author, MaxAuthorLength);
    }

    private static List<string> CleanCategories(IEnumerable<string?>? categories)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var category in categories ?? [])
        {
            var clean = HtmlToText.Truncate(HtmlToText.CleanText(category).Replace('\n', ' '), MaxCategoryLength);
            if (clean.Length > 0 && seen.Add(clean))
            {
                result.Add(clean);
            }
        }

        return result;
    }

    private static string FormatName(XmlRoot root) => root.LocalName switch
    {
        "rss" => string.IsNullOrWhiteSpace(root.Version) ? "RSS" : "RSS " + root.Version.Trim(),
        "RDF" when root.NamespaceDeclarations.Contains("http://my.netscape.com/rdf/simple/0.9/") => "RSS 0.90",
        "RDF" => "RSS 1.0",
        "feed" when root.NamespaceUri == "http://purl.org/atom/ns#" => "Atom 0.3",
        _ => "Atom 1.0",
    };

    private static string? DescribeRoot(XmlRoot root, string original)
    {
        if (root.LocalName is "rss" or "RDF" or "feed")
        {
            return null;
        }

        return root.LocalName.Equals("html", StringComparison.OrdinalIgnoreCase)
            ? DescribeHtml(original)
            : $"This is an XML document but not a feed (its root element is <{root.LocalName}>)";
    }

    private static string DescribeHtml(string html)
    {
        var title = "";
        try
        {
            using var document = new HtmlParser().ParseDocument(html.Length > 100_000 ? html[..100_000] : html);
            title = HtmlToText.Truncate(HtmlToText.CleanText(document.Title).Replace('\n', ' '), 80);
        }
        // The title is a courtesy in an error message.
        catch (Exception)
        {
        }

        // Anti-bot challenge pages are HTML too; the title ("Just a moment...") tells them apart.
        return title.Length == 0
            ? "This looks like an HTML web page, not a feed"
            : $"This looks like an HTML web page, not a feed (page title: \"{title}\")";
    }

    private static string DescribeXmlError(XmlException e, int lineOffset)
    {
        var message = e.Message;
        var lineInfo = message.IndexOf(" Line ", StringComparison.Ordinal);
        if (lineInfo > 0)
        {
            message = message[..lineInfo];
        }

        return e.LineNumber > 0
            ? $"XML error at line {e.LineNumber + lineOffset}, position {e.LinePosition}: {message}"
            : $"XML error: {message}";
    }

    private static string DescribeText(ReadOnlySpan<char> text)
    {
        var sample = text.Length > 200 ? text[..200] : text;
        var controls = 0;
        foreach (var c in sample)
        {
            if (char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
            {
                controls++;
            }
        }

        if (controls > 0 || sample.Contains('\uFFFD'))
        {
            return "This looks like binary data, not a feed";
        }

        var start = HtmlToText.Truncate(HtmlToText.CleanText(sample.ToString()).Replace('\n', ' '), 60);
        return $"This looks like plain text, not a feed (it starts with \"{start}\")";
    }

    private static int FirstNonWhitespace(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && text[i] != '\uFEFF')
            {
                return i;
            }
        }

        return -1;
    }

    private static string? FirstNonEmpty(string? first, string? second) =>
        !string.IsNullOrWhiteSpace(first) ? first : !string.IsNullOrWhiteSpace(second) ? second : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>Counts per-item defects so that a feed of 200 undated items yields one sentence, not 200.</summary>
    private sealed class ProblemTally
    {
        private readonly List<(int Number, string Raw)> _unusableDates = [];
        private readonly List<int> _tooDeep = [];
        private int _missingDates;
        private int _missingLinks;
        private int _missingTitles;

        public void NoDate(int number, string? raw)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                _missingDates++;
            }
            else
            {
                _unusableDates.Add((number, raw.Trim()));
            }
        }

        public void NoLink() => _missingLinks++;

        public void NoTitle() => _missingTitles++;

        public void TooDeep(int number) => _tooDeep.Add(number);

        public void AddTo(List<string> problems)
        {
            foreach (var (number, raw) in _unusableDates.Take(MaxDateProblemsListed))
            {
                problems.Add($"Item {number} has no usable date (\"{HtmlToText.Truncate(raw, 60)}\")");
            }

            if (_unusableDates.Count > MaxDateProblemsListed)
            {
                problems.Add($"{_unusableDates.Count - MaxDateProblemsListed} more items have unusable dates");
            }

            if (_missingDates > 0)
            {
                problems.Add(Count(_missingDates, "item has no date", "items have no date"));
            }

            if (_missingLinks > 0)
            {
                problems.Add(Count(_missingLinks, "item has no link", "items have no link"));
            }

            if (_tooDeep.Count > 0)
            {
                var which = _tooDeep.Count == 1
                    ? $"Item {_tooDeep[0]} has"
                    : $"{_tooDeep.Count} items (the first is item {_tooDeep[0]}) have";
                problems.Add($"{which} HTML nested more than {HtmlToText.MaxDepth} elements deep; the text stops where the nesting gets that deep");
            }

            if (_missingTitles > 0)
            {
                problems.Add(Count(_missingTitles, "item has no title; its summary or link is used instead", "items have no title; their summary or link is used instead"));
            }
        }

        private static string Count(int count, string singular, string plural) =>
            count == 1 ? "1 " + singular : $"{count} {plural}";
    }
}
