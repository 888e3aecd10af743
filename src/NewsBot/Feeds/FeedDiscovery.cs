using AngleSharp.Html.Parser;

namespace NewsBot.Feeds;

/// <summary>Finds the feeds a web page announces with <c>&lt;link rel="alternate" type="application/rss+xml"&gt;</c>.</summary>
internal static class FeedDiscovery
{
    private static readonly string[] FeedTypes =
    [
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json", "application/rdf+xml", "text/xml", "application/xml",
    ];

    public static IReadOnlyList<Uri> FindFeedLinks(string html, Uri pageUrl)
    {
        var document = new HtmlParser().ParseDocument(html);
        var found = new List<(Uri Url, string Type)>();
        foreach (var link in document.QuerySelectorAll("link[rel][href]"))
        {
            var rel = link.GetAttribute("rel") ?? string.Empty;
            var type = (link.GetAttribute("type") ?? string.Empty).Trim();
            if (!rel.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("alternate", StringComparer.OrdinalIgnoreCase)
                || !FeedTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (Uri.TryCreate(pageUrl, link.GetAttribute("href"), out var url)
                && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                && !found.Exists(f => f.Url == url))
            {
                found.Add((url, type));
            }
        }

        // Prefer the richer formats when a page offers several.
        return found.OrderBy(f => Rank(f.Type)).Select(f => f.Url).ToList();
    }

    private static int Rank(string type) => type.ToLowerInvariant() switch
    {
        "application/atom+xml" => 0,
        "application/rss+xml" => 1,
        "application/feed+json" => 2,
        _ => 3,
    };
}
