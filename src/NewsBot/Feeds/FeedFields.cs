namespace NewsBot.Feeds;

/// <summary>The rules every feed format shares for turning a raw field into what is stored.</summary>
internal static class FeedFields
{
    public const int MaxAuthorLength = 200;
    public const int MaxCategoryLength = 100;
    public const int TitleFromSummaryLength = 80;

    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".bmp", ".svg"];

    /// <summary>Plain text of a title, on one line; "" when the feed gave none.</summary>
    public static string TitleText(string? raw, TextKind kind = TextKind.Guess)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "";
        }

        // RSS titles are meant to be plain text: only treat them as HTML when they carry markup,
        // so that a title such as "Why x<y matters" keeps its text.
        var html = kind == TextKind.Html || (kind == TextKind.Guess && LooksLikeMarkup(raw));
        var text = html
            ? HtmlToText.Read(raw, HtmlToText.MaxTitleLength).Text
            : HtmlToText.CleanText(raw, HtmlToText.MaxTitleLength);
        return HtmlToText.Truncate(text.Replace('\n', ' '), HtmlToText.MaxTitleLength);
    }

    /// <summary>Plain text of a summary or body; reading stops once <paramref name="maxLength"/> is passed.</summary>
    public static HtmlText BodyText(RawText? raw, int maxLength)
    {
        if (raw is null || string.IsNullOrWhiteSpace(raw.Value))
        {
            return new HtmlText("", null, false, false);
        }

        var html = raw.Kind == TextKind.Html || (raw.Kind == TextKind.Guess && LooksLikeMarkup(raw.Value));
        return html
            ? HtmlToText.Read(raw.Value, maxLength)
            : new HtmlText(HtmlToText.CleanText(raw.Value, maxLength), null, false, false);
    }

    public static bool LooksLikeMarkup(string text)
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

    public static string FallbackTitle(string summary, string? link)
    {
        if (summary.Length > 0)
        {
            return HtmlToText.Truncate(summary.Replace('\n', ' '), TitleFromSummaryLength);
        }

        return link ?? "(untitled)";
    }

    public static string? AuthorText(string? raw)
    {
        var author = TitleText(raw);

        // RSS 2.0 <author> is "jane@example.com (Jane Doe)": keep the name, not the address.
        var open = author.IndexOf(" (", StringComparison.Ordinal);
        if (open > 0 && author.EndsWith(')') && author[..open].Contains('@', StringComparison.Ordinal))
        {
            author = author[(open + 2)..^1].Trim();
        }

        return author.Length == 0 ? null : HtmlToText.Truncate(author, MaxAuthorLength);
    }

    public static List<string> CleanCategories(IEnumerable<string?>? categories)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var category in categories ?? [])
        {
            var clean = HtmlToText.Truncate(HtmlToText.CleanText(category, MaxCategoryLength + 10).Replace('\n', ' '), MaxCategoryLength);
            if (clean.Length > 0 && seen.Add(clean))
            {
                result.Add(clean);
            }
        }

        return result;
    }

    public static bool IsImage(string? medium, string? mediaType, string? url)
    {
        if (!string.IsNullOrWhiteSpace(medium))
        {
            return medium.Trim().Equals("image", StringComparison.OrdinalIgnoreCase);
        }

        if (!string.IsNullOrWhiteSpace(mediaType))
        {
            return mediaType.Trim().StartsWith("image/", StringComparison.OrdinalIgnoreCase);
        }

        if (url is null || !Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out var uri))
        {
            return false;
        }

        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : url.Split('?', '#')[0];
        return ImageExtensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An absolute http(s) URL for a link or image reference, or null.</summary>
    public static string? AbsoluteUrl(string? url, Uri? linkBase)
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
        else if (linkBase is not null && !HasScheme(url))
        {
            Uri.TryCreate(linkBase, url, out uri);
        }
        else
        {
            uri = null;
        }

        return uri is not null && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.AbsoluteUri : null;
    }

    /// <summary>The canonical form of an item link (absolute, without tracking parameters), or null.</summary>
    public static string? CanonicalLink(string? url, Uri? linkBase) => UrlCanonicalizer.Canonicalize(url, linkBase);

    private static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        var slash = url.IndexOfAny(['/', '?', '#']);
        return slash < 0 || colon < slash;
    }
}
