using System.Collections.Frozen;

namespace NewsBot.Feeds;

/// <summary>The vocabularies a feed element can come from, whatever prefix the document gives them.</summary>
internal enum FeedNamespace
{
    /// <summary>No namespace, or RSS's own (0.90, 1.0, the Userland 2.0 one): the core elements.</summary>
    Core,
    Atom,
    DublinCore,
    DcTerms,
    Content,
    Media,
    ITunes,
    Rdf,
    Xhtml,
    Other,
}

/// <summary>Classifies namespace URIs, tolerating the variants real feeds use (http/https, trailing slash, case).</summary>
internal static class FeedNamespaces
{
    /// <summary>Prefixes known to the reader before the document declares anything: feeds often forget to.</summary>
    public static readonly IReadOnlyList<(string Prefix, string Uri)> Predeclared =
    [
        ("dc", "http://purl.org/dc/elements/1.1/"),
        ("dcterms", "http://purl.org/dc/terms/"),
        ("content", "http://purl.org/rss/1.0/modules/content/"),
        ("media", "http://search.yahoo.com/mrss/"),
        ("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
        ("atom", "http://www.w3.org/2005/Atom"),
        ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
        ("xhtml", "http://www.w3.org/1999/xhtml"),
        ("slash", "http://purl.org/rss/1.0/modules/slash/"),
        ("wfw", "http://wellformedweb.org/CommentAPI/"),
        ("sy", "http://purl.org/rss/1.0/modules/syndication/"),
        ("georss", "http://www.georss.org/georss"),
        ("feedburner", "http://rssnamespace.org/feedburner/ext/1.0"),
        ("googleplay", "http://www.google.com/schemas/play-podcasts/1.0"),
        ("podcast", "https://podcastindex.org/namespace/1.0"),
        ("thr", "http://purl.org/syndication/thread/1.0"),
        ("admin", "http://webns.net/mvcb/"),
        ("cc", "http://web.resource.org/cc/"),
        ("creativeCommons", "http://backend.userland.com/creativeCommonsRssModule"),
    ];

    private static readonly FrozenDictionary<string, FeedNamespace> Known = new Dictionary<string, FeedNamespace>(StringComparer.Ordinal)
    {
        [""] = FeedNamespace.Core,
        ["my.netscape.com/rdf/simple/0.9"] = FeedNamespace.Core,
        ["purl.org/rss/1.0"] = FeedNamespace.Core,
        ["backend.userland.com/rss2"] = FeedNamespace.Core,
        ["backend.userland.com/rss"] = FeedNamespace.Core,
        ["blogs.law.harvard.edu/tech/rss"] = FeedNamespace.Core,
        ["www.w3.org/2005/atom"] = FeedNamespace.Atom,
        ["purl.org/atom/ns#"] = FeedNamespace.Atom,
        ["purl.org/atom/ns"] = FeedNamespace.Atom,
        ["www.w3.org/2005/atom/"] = FeedNamespace.Atom,
        ["purl.org/dc/elements/1.1"] = FeedNamespace.DublinCore,
        ["purl.org/dc/elements/1.0"] = FeedNamespace.DublinCore,
        ["purl.org/dc/terms"] = FeedNamespace.DcTerms,
        ["purl.org/rss/1.0/modules/content"] = FeedNamespace.Content,
        ["search.yahoo.com/mrss"] = FeedNamespace.Media,
        ["search.yahoo.com/rss"] = FeedNamespace.Media,
        ["video.search.yahoo.com/mrss"] = FeedNamespace.Media,
        ["tools.search.yahoo.com/mrss"] = FeedNamespace.Media,
        ["www.itunes.com/dtds/podcast-1.0.dtd"] = FeedNamespace.ITunes,
        ["www.itunes.com/dtds/podcast-1.0.dtd#"] = FeedNamespace.ITunes,
        ["www.itunes.com/dtds/podcast-1.0"] = FeedNamespace.ITunes,
        ["www.w3.org/1999/02/22-rdf-syntax-ns#"] = FeedNamespace.Rdf,
        ["www.w3.org/1999/xhtml"] = FeedNamespace.Xhtml,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static FeedNamespace Classify(string uri)
    {
        if (uri.Length == 0)
        {
            return FeedNamespace.Core;
        }

        var key = uri.Trim();
        var scheme = key.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            key = key[(scheme + 3)..];
        }

        key = key.TrimEnd('/').ToLowerInvariant();
        return Known.TryGetValue(key, out var kind) ? kind : FeedNamespace.Other;
    }
}
