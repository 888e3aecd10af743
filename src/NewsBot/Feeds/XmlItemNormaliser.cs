namespace NewsBot.Feeds;

/// <summary>
/// Turns what <see cref="XmlFeedReader"/> read from one item into the stored entry: the best
/// link, title, dates, author, summary, body, categories and image among the fields the feed
/// gave, each resolved against the base URI in force where it stood.
/// </summary>
internal static class XmlItemNormaliser
{
    public static ParsedItem Normalise(RawFeedItem raw, int number, Uri? fallbackBase, string? feedAuthor, ProblemTally tally)
    {
        var ownPublished = Date(raw.Published) ?? Date(raw.ModulePublished) ?? Date(raw.ModuleCreated) ?? Date(raw.ModuleDate);
        var ownUpdated = Date(raw.Updated) ?? Date(raw.ModuleUpdated) ?? Date(raw.ModuleDate);

        // An entry that only says when it was updated (all that Atom requires) is best dated by that.
        var published = ownPublished ?? ownUpdated;
        if (published is null)
        {
            tally.NoDate(number, raw.Published ?? raw.ModulePublished ?? raw.ModuleCreated ?? raw.ModuleDate ?? raw.Updated ?? raw.ModuleUpdated);
        }

        var link = LinkOf(raw, fallbackBase);
        if (link is null)
        {
            tally.NoLink();
        }

        var summaryField = FirstWithText(raw.Description, raw.ModuleSummary, raw.Subtitle, raw.Content);
        var summaryRead = FeedFields.BodyText(summaryField, HtmlToText.MaxSummaryLength);
        if (summaryRead.TooDeep)
        {
            tally.TooDeep(number);
        }

        var summary = HtmlToText.Truncate(summaryRead.Text, HtmlToText.MaxSummaryLength);
        var titleField = raw.Title is { } own && !string.IsNullOrWhiteSpace(own.Value) ? own : raw.ModuleTitle;
        var ownTitle = FeedFields.TitleText(titleField?.Value, titleField?.Kind ?? TextKind.Guess);
        var title = ownTitle;
        if (title.Length == 0)
        {
            tally.NoTitle();
            title = FeedFields.FallbackTitle(summary, link);
        }

        var image = ImageOf(raw, fallbackBase)
            ?? FeedFields.AbsoluteUrl(summaryRead.ImageSource, summaryField?.Base ?? fallbackBase)
            ?? (ReferenceEquals(summaryField, raw.Content) || raw.Content?.Value.Contains("<img", StringComparison.OrdinalIgnoreCase) != true
                ? null
                : FeedFields.AbsoluteUrl(FeedFields.BodyText(raw.Content, HtmlToText.MaxContentLength).ImageSource, raw.Content.Base ?? fallbackBase));

        var id = FirstNonBlank(raw.Id, raw.FallbackId)?.Trim();
        var entry = new FeedEntry(
            string.IsNullOrEmpty(id) ? null : id,
            title,
            link,
            published,
            ownUpdated,
            FeedFields.AuthorText(FirstNonBlank(raw.Author, raw.ModuleAuthor, raw.Contributor, feedAuthor)),
            summary,
            FeedFields.CleanCategories(raw.Categories),
            image);
        var contentField = raw.Content;
        return new ParsedItem(
            entry,
            ownTitle,
            ownPublished,
            ownUpdated,
            () => HtmlToText.Truncate(FeedFields.BodyText(contentField, HtmlToText.MaxContentLength).Text, HtmlToText.MaxContentLength),
            EnclosuresOf(raw, fallbackBase));
    }

    /// <summary>The item's id and link as <see cref="Normalise"/> gives them, without reading its texts.</summary>
    public static ItemIdentity Identify(RawFeedItem raw, Uri? fallbackBase)
    {
        var id = FirstNonBlank(raw.Id, raw.FallbackId)?.Trim();
        return new ItemIdentity(string.IsNullOrEmpty(id) ? null : id, LinkOf(raw, fallbackBase));
    }

    private static DateTimeOffset? Date(string? raw) => FeedDates.Parse(raw);

    private static string? LinkOf(RawFeedItem raw, Uri? fallbackBase)
    {
        RawLink? chosen = null;
        foreach (var link in raw.Links)
        {
            if (IsAlternate(link.Rel))
            {
                chosen = link;
                break;
            }
        }

        chosen ??= raw.Links.FirstOrDefault(l => !IsRel(l.Rel, "enclosure") && !IsRel(l.Rel, "content"))
            ?? raw.Links.FirstOrDefault(l => IsRel(l.Rel, "content"));
        if (chosen is not null && FeedFields.CanonicalLink(chosen.Href, chosen.Base ?? fallbackBase) is { } resolved)
        {
            return resolved;
        }

        // An RSS guid (and an RSS 1.0 rdf:about) is very often the permalink even when <link> is missing.
        foreach (var candidate in (string?[])[raw.Id, raw.FallbackId])
        {
            var id = candidate?.Trim();
            if (id is not null && (id.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || id.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                return FeedFields.CanonicalLink(id, null);
            }
        }

        return null;
    }

    private static bool IsAlternate(string? rel) => string.IsNullOrWhiteSpace(rel) || IsRel(rel, "alternate");

    private static bool IsRel(string? rel, string value) =>
        rel is not null && (rel.Trim().Equals(value, StringComparison.OrdinalIgnoreCase)
            || rel.Trim().Equals("http://www.iana.org/assignments/relation/" + value, StringComparison.OrdinalIgnoreCase));

    private static string? ImageOf(RawFeedItem raw, Uri? fallbackBase)
    {
        foreach (var source in (MediaSource[])[MediaSource.MediaContent, MediaSource.Thumbnail, MediaSource.Enclosure, MediaSource.ITunesImage])
        {
            foreach (var media in raw.Media)
            {
                if (media.Source == source
                    && (source is MediaSource.Thumbnail or MediaSource.ITunesImage || FeedFields.IsImage(media.Medium, media.Type, media.Url))
                    && FeedFields.AbsoluteUrl(media.Url, media.Base ?? fallbackBase) is { } url)
                {
                    return url;
                }
            }

            if (source == MediaSource.Enclosure)
            {
                foreach (var link in raw.Links)
                {
                    if (IsRel(link.Rel, "enclosure") && FeedFields.IsImage(null, link.Type, link.Href)
                        && FeedFields.AbsoluteUrl(link.Href, link.Base ?? fallbackBase) is { } url)
                    {
                        return url;
                    }
                }
            }
        }

        return null;
    }

    private static List<FeedEnclosure> EnclosuresOf(RawFeedItem raw, Uri? fallbackBase)
    {
        var result = new List<FeedEnclosure>();
        foreach (var media in raw.Media)
        {
            if (media.Source == MediaSource.Enclosure && FeedFields.AbsoluteUrl(media.Url, media.Base ?? fallbackBase) is { } url)
            {
                Add(url, media.Type, media.Length);
            }
        }

        foreach (var link in raw.Links)
        {
            if (IsRel(link.Rel, "enclosure") && FeedFields.AbsoluteUrl(link.Href, link.Base ?? fallbackBase) is { } url)
            {
                Add(url, link.Type, null);
            }
        }

        foreach (var media in raw.Media)
        {
            if (media.Source == MediaSource.MediaContent && FeedFields.AbsoluteUrl(media.Url, media.Base ?? fallbackBase) is { } url)
            {
                Add(url, media.Type ?? (media.Medium is { } medium ? medium + "/*" : null), media.Length);
            }
        }

        return result;

        void Add(string url, string? type, long? length)
        {
            if (!result.Exists(e => e.Url == url))
            {
                result.Add(new FeedEnclosure(url, string.IsNullOrWhiteSpace(type) ? null : type.Trim(), length));
            }
        }
    }

    private static RawText? FirstWithText(params RawText?[] candidates) =>
        candidates.FirstOrDefault(c => c is not null && !string.IsNullOrWhiteSpace(c.Value));

    private static string? FirstNonBlank(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
