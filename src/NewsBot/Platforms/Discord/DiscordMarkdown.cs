namespace NewsBot.Platforms.Discord;

/// <summary>
/// Makes feed and user text safe for Discord's markdown: formatting characters are escaped,
/// characters Discord would refuse or garble are dropped, and cuts never split a surrogate pair.
/// </summary>
internal static class DiscordMarkdown
{
    private const string Ellipsis = "…";

    /// <summary>Escapes markdown so the text shows as written.</summary>
    public static string Escape(string text)
    {
        var clean = Clean(text);
        var builder = new StringBuilder(clean.Length + 8);
        var lineStart = true;
        foreach (var c in clean)
        {
            var special = c is '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']' or '(' or ')' or '<'
                || (lineStart && c is '#' or '-' or '>' or '+');
            if (special)
            {
                builder.Append('\\');
            }

            builder.Append(c);
            lineStart = c == '\n' || (lineStart && c == ' ');
        }

        return builder.ToString();
    }

    /// <summary>An http(s) URL fit for a markdown link or an embed, or null.</summary>
    public static string? HttpUrl(string? url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var text = uri.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);
        return text.Length <= 2048 ? text : null;
    }

    /// <summary>A masked link <c>[text](url)</c>, or the escaped text alone when the URL is unusable.</summary>
    public static string Link(string text, string? url) =>
        HttpUrl(url) is { } href ? $"[{Escape(text)}]({href})" : Escape(text);

    /// <summary>Cuts to at most <paramref name="limit"/> characters, ending with "…" when cut.</summary>
    public static string Truncate(string text, int limit)
    {
        text = Clean(text).Trim();
        if (text.Length <= limit)
        {
            return text;
        }

        var cut = limit - Ellipsis.Length;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..Math.Max(0, cut)].TrimEnd() + Ellipsis;
    }

    /// <summary>Cuts raw text into pieces of at most <paramref name="limit"/> characters, preferring spaces.</summary>
    public static IEnumerable<string> Cut(string text, int limit)
    {
        while (text.Length > limit)
        {
            var take = ChatText.PieceLength(text, limit);
            yield return text[..take];
            text = text[take..];
        }

        if (text.Length > 0)
        {
            yield return text;
        }
    }

    /// <summary>Drops lone surrogates and control characters other than line breaks and tabs (so \r\n becomes \n).</summary>
    public static string Clean(string text) => ChatText.Clean(text);
}
