namespace NewsBot.Feeds;

/// <summary>
/// Reads JSON Feed 1.0 and 1.1 (<c>https://jsonfeed.org/version/1.1</c>): items with their
/// dates, links, HTML or text content, tags, authors and attachments.
/// </summary>
internal static class JsonFeedReader
{
    /// <summary>Reads a document that starts like JSON; one that is JSON but not a JSON Feed is not a feed.</summary>
    public static FeedDocument Read(string text, Uri? baseUri, List<string> problems)
    {
        var options = new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };
        try
        {
            using var json = JsonDocument.Parse(text, options);
            var root = json.RootElement;
            var version = root.ValueKind == JsonValueKind.Object ? JsonString(root, "version") : null;
            if (version is null || !version.Contains("jsonfeed.org/version/", StringComparison.OrdinalIgnoreCase))
            {
                return FeedDocument.NotAFeed(StoredText.Of("feedError.notJsonFeed"));
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
                problems.Add(StoredText.Of("feedProblem.noItems"));
            }

            if (skipped > 0)
            {
                problems.Add(StoredText.Of("feedProblem.itemsNotObjects", ("count", skipped)));
            }

            tally.AddTo(problems);
            return new FeedDocument(format, FeedFields.TitleText(JsonString(root, "title")), siteLink, items, problems, null);
        }
        catch (JsonException e)
        {
            var message = HtmlToText.CleanText(e.Message, 300).Replace('\n', ' ');
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            var line = (e.LineNumber ?? 0) + 1;
            return FeedDocument.NotAFeed(StoredText.Of("feedError.json", ("line", line), ("detail", cut > 0 ? message[..cut] : message)));
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

    private static string? FirstNonEmpty(string? first, string? second) =>
        !string.IsNullOrWhiteSpace(first) ? first : !string.IsNullOrWhiteSpace(second) ? second : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
