using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace NewsBot.Tests.Feeds;

public sealed class UrlCanonicalizerTests
{
    [Theory]
    [InlineData("https://example.com/a", "https://example.com/a")]
    [InlineData("HTTPS://Example.COM/Path/Keeps/Case", "https://example.com/Path/Keeps/Case")]
    [InlineData("http://example.com:80/a", "http://example.com/a")]
    [InlineData("https://example.com:443/a", "https://example.com/a")]
    [InlineData("https://example.com:8443/a", "https://example.com:8443/a")]
    [InlineData("http://example.com:443/a", "http://example.com:443/a")]
    [InlineData("https://example.com", "https://example.com/")]
    [InlineData("https://example.com/a#section-2", "https://example.com/a")]
    [InlineData("https://example.com/a?", "https://example.com/a")]
    [InlineData("https://example.com/a?utm_source=rss&utm_medium=feed", "https://example.com/a")]
    [InlineData("https://example.com/a?id=7&utm_source=rss&page=2", "https://example.com/a?id=7&page=2")]
    [InlineData("https://example.com/a?UTM_Campaign=x&b=1", "https://example.com/a?b=1")]
    [InlineData("https://example.com/a?fbclid=1&gclid=2&dclid=3&msclkid=4&yclid=5", "https://example.com/a")]
    [InlineData("https://example.com/a?mc_cid=1&mc_eid=2&igshid=3&_hsenc=4&_hsmi=5&mkt_tok=6&ref_src=7&spm=8", "https://example.com/a")]
    [InlineData("https://example.com/a?z=1&a=2", "https://example.com/a?z=1&a=2")]
    [InlineData("https://example.com/a?x=1&&y=2", "https://example.com/a?x=1&y=2")]
    [InlineData("https://example.com/a?flag", "https://example.com/a?flag")]
    [InlineData("https://example.com/a?q=caf%C3%A9&utm_term=x", "https://example.com/a?q=caf%C3%A9")]
    [InlineData("https://user:secret@example.com/a", "https://example.com/a")]
    [InlineData("https://example.com/a/../b/./c", "https://example.com/b/c")]
    [InlineData("  https://example.com/a  ", "https://example.com/a")]
    [InlineData("https://[::1]:8080/a", "https://[::1]:8080/a")]
    [InlineData("//cdn.example.com/x", "https://cdn.example.com/x")]
    public void Canonicalize_AbsoluteUrl_ReturnsCanonicalForm(string input, string expected)
    {
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(input));
    }

    [Theory]
    [InlineData("/news/1?utm_source=x", "https://site.example/blog/feed.xml", "https://site.example/news/1")]
    [InlineData("post-2", "https://site.example/blog/feed.xml", "https://site.example/blog/post-2")]
    [InlineData("../up", "https://site.example/blog/feed.xml", "https://site.example/up")]
    [InlineData("//other.example/x", "http://site.example/", "http://other.example/x")]
    [InlineData("?page=2", "https://site.example/list?page=1", "https://site.example/list?page=2")]
    [InlineData("https://absolute.example/x", "https://site.example/", "https://absolute.example/x")]
    public void Canonicalize_RelativeUrlWithBase_ResolvesAgainstBase(string input, string baseUri, string expected)
    {
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(input, new Uri(baseUri)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/relative/without/base")]
    [InlineData("relative")]
    [InlineData("ftp://example.com/file")]
    [InlineData("mailto:someone@example.com")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("data:text/html,hi")]
    [InlineData("http://")]
    [InlineData("https://exa mple.com/")]
    public void Canonicalize_UnusableUrl_ReturnsNull(string? input)
    {
        Assert.Null(UrlCanonicalizer.Canonicalize(input));
    }

    [Fact]
    public void Canonicalize_RelativeUrlAgainstNonHttpBase_ReturnsNull()
    {
        Assert.Null(UrlCanonicalizer.Canonicalize("a/b", new Uri("file:///tmp/feed.xml")));
    }

    [Property(MaxTest = 500)]
    public bool Canonicalize_AnyString_IsIdempotentAndNeverThrows(string? input)
    {
        var once = UrlCanonicalizer.Canonicalize(input);
        return once is null || UrlCanonicalizer.Canonicalize(once) == once;
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(UrlLikeStrings)])]
    public bool Canonicalize_UrlLikeString_IsIdempotentAndNeverThrows(string input)
    {
        var once = UrlCanonicalizer.Canonicalize(input, new Uri("https://base.example/dir/feed.xml"));
        return once is null || (UrlCanonicalizer.Canonicalize(once) == once && once.StartsWith("http", StringComparison.Ordinal));
    }

    /// <summary>Strings assembled from URL pieces, so that most of them get past the parser.</summary>
    public static class UrlLikeStrings
    {
        private static readonly string[] Schemes = ["http://", "https://", "HTTPS://", "", "//", "ftp://", "mailto:"];
        private static readonly string[] Hosts = ["example.com", "EXAMPLE.com", "bücher.example", "127.0.0.1", "[::1]", "a.b.c", "", "host:8080", "host:80", "host:443", "u:p@host"];
        private static readonly string[] Segments = ["/", "/a", "/A/b", "/%7Euser", "/../x", "/./y", "/ä", "/a b", "/%20", "/a%2Fb", "/;p", "//x"];
        private static readonly string[] Queries = ["", "?", "?a=1", "?utm_source=x", "?a=1&utm_medium=y&b", "?&&", "?q=%C3%A9", "?x=a+b", "?UTM_x=1&fbclid=2", "?=", "?a=%zz"];
        private static readonly string[] Fragments = ["", "#", "#top", "#!/route", "#a?b"];

        public static Arbitrary<string> Strings() =>
            (from scheme in Gen.Elements(Schemes)
             from host in Gen.Elements(Hosts)
             from path in Gen.ListOf(Gen.Elements(Segments))
             from query in Gen.Elements(Queries)
             from fragment in Gen.Elements(Fragments)
             select scheme + host + string.Concat(path) + query + fragment).ToArbitrary();
    }
}
