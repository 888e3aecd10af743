namespace NewsBot.Feeds;

/// <summary>
/// Where a feed is read from: an http(s) URL, or a file such as the bundled "Samples/daily-circuit.xml".
/// </summary>
internal abstract record FeedLocation
{
    private FeedLocation()
    {
    }

    /// <summary>
    /// Classifies a configured feed address. Anything with a scheme must be http, https or file;
    /// anything without one is a file path, resolved against <paramref name="baseDirectory"/>.
    /// Returns null (and a reason) for other schemes and for empty input.
    /// </summary>
    public static FeedLocation? Parse(string? value, string baseDirectory, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "is empty";
            return null;
        }

        value = value.Trim();
        if (!HasScheme(value))
        {
            return ToFile(value, baseDirectory, out error);
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            error = "is not a valid URL";
            return null;
        }

        if (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        {
            if (uri.Host.Length == 0)
            {
                error = "has no host name";
                return null;
            }

            return new Http(uri);
        }

        if (uri.IsFile)
        {
            return new LocalFile(uri.LocalPath);
        }

        error = $"uses the unsupported scheme '{uri.Scheme}'";
        return null;
    }

    private static LocalFile? ToFile(string path, string baseDirectory, out string? error)
    {
        try
        {
            error = null;
            return new LocalFile(Path.GetFullPath(path, baseDirectory));
        }
        catch (ArgumentException)
        {
            error = "is not a valid file path";
            return null;
        }
    }

    private static bool HasScheme(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);

        // "C:\feeds\x.xml" is a Windows path, not a URL with the scheme "c".
        if (colon <= 1 || !char.IsAsciiLetter(value[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            if (!char.IsAsciiLetterOrDigit(value[i]) && value[i] is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A feed on the web.</summary>
    public sealed record Http(Uri Url) : FeedLocation
    {
        public override string ToString() => Url.GetLeftPart(UriPartial.Path);
    }

    /// <summary>A feed in a local file, by absolute path.</summary>
    public sealed record LocalFile(string FullPath) : FeedLocation
    {
        public override string ToString() => FullPath;
    }
}
