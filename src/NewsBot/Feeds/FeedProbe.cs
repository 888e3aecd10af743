namespace NewsBot.Feeds;

/// <summary>
/// Fetches an address given in chat or in an OPML file and says whether it is a feed. A web page
/// is searched for the feed it announces. Only http(s) addresses are accepted: files are for
/// configuration alone.
/// </summary>
internal sealed class FeedProbe(FeedFetcher fetcher, FeedParser parser) : IFeedProbe
{
    public async Task<FeedProbeResult> ProbeAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            return new FeedProbeResult(null, null, 0, StoredText.Of("feedError.notHttp"), false);
        }

        var first = await fetcher.FetchAsync(new FeedLocation.Http(address), FetchConditions.None, cancellationToken).ConfigureAwait(false);
        if (first is not FetchResult.Success page)
        {
            return new FeedProbeResult(null, null, 0, Reason(first), false);
        }

        var finalUrl = page.FinalUrl ?? address;
        var document = parser.Parse(page.Content, page.Charset, finalUrl);
        if (document.IsFeed)
        {
            return new FeedProbeResult(finalUrl.ToString(), Title(document, finalUrl), document.Entries.Count, null, false);
        }

        if (!LooksLikeHtml(page))
        {
            return new FeedProbeResult(null, null, 0, document.Problems.Count > 0 ? document.Problems[0] : StoredText.Of("feedError.notAFeed"), false);
        }

        var html = Encoding.UTF8.GetString(page.Content);
        foreach (var candidate in FeedDiscovery.FindFeedLinks(html, finalUrl).Take(3))
        {
            var fetched = await fetcher.FetchAsync(new FeedLocation.Http(candidate), FetchConditions.None, cancellationToken).ConfigureAwait(false);
            if (fetched is not FetchResult.Success feed)
            {
                continue;
            }

            var feedUrl = feed.FinalUrl ?? candidate;
            var parsed = parser.Parse(feed.Content, feed.Charset, feedUrl);
            if (parsed.IsFeed)
            {
                return new FeedProbeResult(feedUrl.ToString(), Title(parsed, feedUrl), parsed.Entries.Count, null, true);
            }
        }

        return new FeedProbeResult(null, null, 0, StoredText.Of("feedError.pageWithoutFeed"), false);
    }

    private static bool LooksLikeHtml(FetchResult.Success page) =>
        page.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true
        || Encoding.UTF8.GetString(page.Content, 0, Math.Min(page.Content.Length, 2048)).Contains("<html", StringComparison.OrdinalIgnoreCase);

    private static string Title(FeedDocument document, Uri url) =>
        string.IsNullOrWhiteSpace(document.Title) ? url.Host : document.Title.Trim();

    private static string Reason(FetchResult result) => result switch
    {
        FetchResult.Failure failure => failure.Reason,
        _ => StoredText.Of("feedError.noPage"),
    };
}
