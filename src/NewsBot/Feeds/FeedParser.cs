using System.Xml;

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
            return FeedDocument.NotAFeed(StoredText.Of("feedError.unreadable", ("detail", $"{e.GetType().Name}: {HtmlToText.Truncate(HtmlToText.CleanText(e.Message, 200), 160)}")));
        }
    }

    private static FeedDocument ParseDocument(ReadOnlyMemory<byte> content, string? contentTypeCharset, Uri? baseUri)
    {
        var problems = new List<string>();
        var text = FeedTextDecoder.Decode(content.Span, contentTypeCharset, problems);
        var start = FirstNonWhitespace(text);
        if (start < 0)
        {
            return FeedDocument.NotAFeed(StoredText.Of("feedError.empty"));
        }

        return text[start] switch
        {
            '{' or '[' => JsonFeedReader.Read(text, baseUri, problems),
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
            return FeedDocument.NotAFeed(rootError ?? StoredText.Of("feedError.xmlUnreadable"));
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

            problems.Add(StoredText.Of("feedProblem.itemsKept", ("reason", raw.Error), ("count", raw.Items.Count)));
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
            : StoredText.Of("feedError.otherXml", ("root", rootName));
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
            ? StoredText.Of("feedError.html")
            : StoredText.Of("feedError.htmlTitled", ("title", title));
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

        // The reader's own words are passed on as they came; a message of NewsBot's own is a stored text itself.
        return e.LineNumber > 0
            ? StoredText.Of("feedError.xmlAt", ("line", e.LineNumber + lineOffset), ("position", e.LinePosition), ("reason", message))
            : StoredText.Of("feedError.xml", ("reason", message));
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
            return StoredText.Of("feedError.binary");
        }

        var start = HtmlToText.Truncate(HtmlToText.CleanText(sample.ToString()).Replace('\n', ' '), 60);
        return StoredText.Of("feedError.plainText", ("start", start));
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
}
