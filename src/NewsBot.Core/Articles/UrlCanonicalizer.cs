namespace NewsBot.Core.Articles;

/// <summary>
/// Turns the many spellings of one article URL into one, so that the same article linked with
/// different tracking parameters, upper-case hosts or fragments is stored and recognised once.
/// </summary>
public static class UrlCanonicalizer
{
    // Query parameters that only identify a campaign, click or mailing and never the page itself.
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
        "li_fat_id", "epik", "mc_cid", "mc_eid", "igshid", "igsh", "_hsenc", "_hsmi", "__hstc", "__hssc",
        "__hsfp", "hsctatracking", "mkt_tok", "ref_src", "ref_url", "spm", "scm", "_ga", "_gl",
        "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "wickedid", "rb_clickid", "s_kwcid", "ef_id",
    };

    /// <summary>
    /// Returns the canonical absolute http(s) form of <paramref name="url"/>, or null when it is
    /// empty, not http(s), or relative without a usable <paramref name="baseUri"/>.
    /// </summary>
    /// <remarks>
    /// Lower-cases scheme and host, drops the default port, user information, the fragment and
    /// tracking parameters (utm_*, fbclid, gclid, …) while keeping the other parameters in order.
    /// Applying it twice gives the same result as applying it once. It never throws.
    /// </remarks>
    public static string? Canonicalize(string? url, Uri? baseUri = null)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var uri = Resolve(url.Trim(), baseUri);
        if (uri is null || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            return null;
        }

        // User information is dropped: a link in a feed must not carry credentials into storage.
        var builder = new StringBuilder(url.Length);
        builder.Append(uri.Scheme).Append("://").Append(uri.Host.ToLowerInvariant());
        if (!uri.IsDefaultPort)
        {
            builder.Append(':').Append(uri.Port);
        }

        builder.Append(uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath);
        AppendQuery(builder, uri.Query);
        return builder.ToString();
    }

    private static Uri? Resolve(string url, Uri? baseUri)
    {
        if (HasScheme(url))
        {
            return Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute : null;
        }

        // On Unix a bare "/path" parses as an absolute file URI, so relative references are only
        // ever resolved against an explicit http(s) base.
        if (baseUri is null || !baseUri.IsAbsoluteUri)
        {
            return url.StartsWith("//", StringComparison.Ordinal)
                && Uri.TryCreate("https:" + url, UriKind.Absolute, out var schemeRelative) ? schemeRelative : null;
        }

        return Uri.TryCreate(baseUri, url, out var resolved) ? resolved : null;
    }

    private static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(url[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            var c = url[i];
            if (!char.IsAsciiLetterOrDigit(c) && c != '+' && c != '-' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendQuery(StringBuilder builder, string query)
    {
        if (query.Length <= 1)
        {
            return;
        }

        var first = true;
        foreach (var parameter in query[1..].Split('&'))
        {
            if (parameter.Length == 0 || IsTracking(parameter))
            {
                continue;
            }

            builder.Append(first ? '?' : '&').Append(parameter);
            first = false;
        }
    }

    private static bool IsTracking(string parameter)
    {
        var equals = parameter.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? parameter : parameter[..equals];
        name = Uri.UnescapeDataString(name);
        return name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);
    }
}
