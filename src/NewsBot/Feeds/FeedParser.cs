using System.Globalization;
using System.Text.Json;
using System.Xml;
using NewsBot.Core.Articles;

namespace NewsBot.Feeds;

/// <summary>
/// Turns the bytes of a downloaded feed (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, CDF, JSON Feed) into
/// normalised <see cref="FeedEntry"/> records. Never throws: anything that is not a feed comes back
/// as a <see cref="FeedDocument"/> with no entries and a problem describing what it looked like.
/// </summary>
internal sealed class FeedParser
{
    /// <summary>Parses one downloaded document.</summary>
    /// <param name="content">The raw bytes as received (already decompressed).</param>
    /// <param name="contentTypeCharset">The charset parameter of the HTTP Content-Type, if any.</param>
    /// <param name="baseUri">The URL the document came from, used to make relative links absolute.</param>
#pragma warning disable CA1822 // An instance method so that callers receive the parser by injection.
    public FeedDocument Parse(ReadOnlyMemory<byte> content, string? contentTypeCharset, Uri? baseUri)
#pragma warning restore CA1822
    {
        try
        {
            return ParseDocument(content, contentTypeCharset, baseUri);
        }
        // The contract is "never throws": a defect in the parser must cost one feed, not the poller.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return FeedDocument.NotAFeed($"The feed could not be read: {e.GetType().Name}: {HtmlToText.Truncate(HtmlToText.CleanText(e.Message, 200), 160)}");
        }
    }

    private static FeedDocument ParseDocument(ReadOnlyMemory<byte> content, string? contentTypeCharset, Uri? baseUri)
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

        RawFeed? raw;
        string? rootError;
        using (var xml = prepared.Xml!)
        {
            raw = XmlFeedReader.Read(xml.Memory, baseUri, prepared.LineOffset, out rootError);
        }

        if (raw is null)
        {
            return FeedDocument.NotAFeed(rootError ?? "XML error: the document could not be read");
        }

        var rejection = DescribeRoot(raw.RootName, text);
        if (rejection is not null)
        {
            return FeedDocument.NotAFeed(rejection);
        }

        if (raw.Error is not null)
        {
            if (raw.Items.Count == 0)
            {
                return FeedDocument.NotAFeed(raw.Error);
            }

            problems.Add(raw.Items.Count == 1
                ? $"{raw.Error}; the 1 complete item before it was kept"
                : $"{raw.Error}; the {raw.Items.Count} complete items before it were kept");
        }

        var siteLink = SiteLinkOf(raw.SiteLinks, baseUri);
        var linkBase = baseUri ?? (siteLink is null ? null : new Uri(siteLink));
        var tally = new ProblemTally();
        var items = new List<ParsedItem>(raw.Items.Count);
        for (var i = 0; i < raw.Items.Count; i++)
        {
            items.Add(XmlItemNormaliser.Normalise(raw.Items[i], i + 1, linkBase, raw.Author, tally));
        }

        tally.AddTo(problems);
        return new FeedDocument(FormatName(raw), FeedFields.TitleText(raw.Title?.Value, raw.Title?.Kind ?? TextKind.Guess), siteLink, items, problems, TtlOf(raw.Ttl));
    }

    private static string? SiteLinkOf(IReadOnlyList<RawLink> links, Uri? baseUri)
    {
        var chosen = links.FirstOrDefault(l => string.IsNullOrWhiteSpace(l.Rel) || l.Rel.Trim().Equals("alternate", StringComparison.OrdinalIgnoreCase))
            ?? links.FirstOrDefault(l => l.Rel?.Trim() is not ("self" or "hub" or "enclosure" or "next" or "previous" or "first" or "last"));
        return chosen is null ? null : UrlCanonicalizer.Canonicalize(chosen.Href, chosen.Base ?? baseUri);
    }

    private static TimeSpan? TtlOf(string? ttl) =>
        int.TryParse(ttl?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes) && minutes > 0
            ? TimeSpan.FromMinutes(minutes)
            : null;

    private static FeedDocument ParseJson(string text, Uri? baseUri, List<string> problems)
    {
        var options = new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };
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
            var items = new List<ParsedItem>();
            var skipped = 0;
            if (root.TryGetProperty("items", out var jsonItems) && jsonItems.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in jsonItems.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        items.Add(ToItem(item, items.Count + 1, linkBase, feedAuthor, tally));
                    }
                    else
                    {
                        skipped++;
                    }
                }
            }
            else
            {
                problems.Add("The JSON Feed has no \"items\" array");
            }

            if (skipped > 0)
            {
                problems.Add(skipped == 1 ? "1 entry of \"items\" is not an object and was skipped" : $"{skipped} entries of \"items\" are not objects and were skipped");
            }

            tally.AddTo(problems);
            return new FeedDocument(format, FeedFields.TitleText(JsonString(root, "title")), siteLink, items, problems, null);
        }
        catch (JsonException e)
        {
            var message = HtmlToText.CleanText(e.Message, 300).Replace('\n', ' ');
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            var line = (e.LineNumber ?? 0) + 1;
            return FeedDocument.NotAFeed($"JSON error at line {line}: {(cut > 0 ? message[..cut] : message)}");
        }
    }

    private static ParsedItem ToItem(JsonElement item, int number, Uri? linkBase, string? feedAuthor, ProblemTally tally)
    {
        var rawPublished = JsonString(item, "date_published");
        var published = FeedDates.Parse(rawPublished);
        var updated = FeedDates.Parse(JsonString(item, "date_modified"));
        if (published is null && updated is null)
        {
            tally.NoDate(number, rawPublished);
        }

        var link = UrlCanonicalizer.Canonicalize(JsonString(item, "url") ?? JsonString(item, "external_url"), linkBase);
        if (link is null)
        {
            tally.NoLink();
        }

        var contentHtml = JsonString(item, "content_html");
        var contentText = JsonString(item, "content_text");
        var summaryRead = HtmlToText.Read(contentHtml, HtmlToText.MaxSummaryLength);
        if (summaryRead.TooDeep)
        {
            tally.TooDeep(number);
        }

        var plainSummary = FirstNonEmpty(JsonString(item, "summary"), contentText);
        var summary = HtmlToText.Truncate(
            plainSummary is null ? summaryRead.Text : HtmlToText.CleanText(plainSummary, HtmlToText.MaxSummaryLength),
            HtmlToText.MaxSummaryLength);
        var ownTitle = FeedFields.TitleText(JsonString(item, "title"));

        // Title-less items are normal in JSON Feed (micro-posts), so no problem is recorded.
        var title = ownTitle.Length == 0 ? FeedFields.FallbackTitle(summary, link) : ownTitle;

        var image = FeedFields.AbsoluteUrl(JsonString(item, "image"), linkBase)
            ?? FeedFields.AbsoluteUrl(JsonString(item, "banner_image"), linkBase)
            ?? JsonAttachments(item, linkBase).Where(a => FeedFields.IsImage(null, a.Type, a.Url)).Select(a => a.Url).FirstOrDefault()
            ?? FeedFields.AbsoluteUrl(summaryRead.ImageSource, linkBase);

        var categories = item.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
            ? tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString())
            : [];

        var entry = new FeedEntry(
            NullIfEmpty(JsonScalar(item, "id")?.Trim()),
            title,
            link,
            published ?? updated,
            updated,
            FeedFields.AuthorText(JsonAuthor(item) ?? feedAuthor),
            summary,
            FeedFields.CleanCategories(categories),
            image);
        return new ParsedItem(
            entry,
            ownTitle,
            published,
            updated,
            () => HtmlToText.Truncate(
                contentHtml is not null ? HtmlToText.Read(contentHtml, HtmlToText.MaxContentLength).Text : HtmlToText.CleanText(contentText, HtmlToText.MaxContentLength),
                HtmlToText.MaxContentLength),
            JsonAttachments(item, linkBase));
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

    private static List<FeedEnclosure> JsonAttachments(JsonElement item, Uri? linkBase)
    {
        var result = new List<FeedEnclosure>();
        if (!item.TryGetProperty("attachments", out var attachments) || attachments.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var attachment in attachments.EnumerateArray())
        {
            if (attachment.ValueKind == JsonValueKind.Object && FeedFields.AbsoluteUrl(JsonString(attachment, "url"), linkBase) is { } url)
            {
                long? size = attachment.TryGetProperty("size_in_bytes", out var bytes) && bytes.ValueKind == JsonValueKind.Number && bytes.TryGetInt64(out var n) && n > 0 ? n : null;
                result.Add(new FeedEnclosure(url, JsonString(attachment, "mime_type"), size));
            }
        }

        return result;
    }

    private static string FormatName(RawFeed raw) => raw.RootName switch
    {
        "rss" => string.IsNullOrWhiteSpace(raw.Version) ? "RSS" : "RSS " + raw.Version.Trim(),
        "RDF" when raw.RootDeclarations.Contains("http://my.netscape.com/rdf/simple/0.9/") => "RSS 0.90",
        "RDF" => "RSS 1.0",
        "feed" when raw.RootNamespace == "http://purl.org/atom/ns#" => "Atom 0.3",
        "feed" => "Atom 1.0",
        _ => "CDF",
    };

    private static string? DescribeRoot(string rootName, string original)
    {
        if (rootName is "rss" or "RDF" or "feed" || rootName.Equals("channel", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return rootName.Equals("html", StringComparison.OrdinalIgnoreCase)
            ? DescribeHtml(original)
            : $"This is an XML document but not a feed (its root element is <{rootName}>)";
    }

    private static string DescribeHtml(string html)
    {
        // Only the <title> is wanted: found by search, so that no page, however deep, costs a parse.
        var head = html.AsSpan(0, Math.Min(html.Length, 100_000));
        var open = head.IndexOf("<title", StringComparison.OrdinalIgnoreCase);
        var title = "";
        if (open >= 0)
        {
            var start = head[open..].IndexOf('>');
            var close = start < 0 ? -1 : head[(open + start)..].IndexOf("</title", StringComparison.OrdinalIgnoreCase);
            if (close > 0)
            {
                var inner = head.Slice(open + start + 1, close - 1).ToString();
                title = HtmlToText.Truncate(HtmlToText.Read(inner, 200).Text.Replace('\n', ' '), 80);
            }
        }

        // Anti-bot challenge pages are HTML too; the title ("Just a moment...") tells them apart.
        return title.Length == 0
            ? "This looks like an HTML web page, not a feed"
            : $"This looks like an HTML web page, not a feed (page title: \"{title}\")";
    }

    internal static string DescribeXmlError(XmlException e, int lineOffset)
    {
        // The reader quotes the offending character, which may itself be a control character.
        var message = HtmlToText.CleanText(e.Message, 300).Replace('\n', ' ');
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

}
