using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace NewsBot.Feeds;

/// <summary>The validators of the copy already held, sent so that an unchanged feed costs a 304.</summary>
internal sealed record FetchConditions(string? ETag, DateTimeOffset? LastModified)
{
    public static FetchConditions None { get; } = new(null, null);
}

/// <summary>The outcome of one fetch.</summary>
internal abstract record FetchResult
{
    private FetchResult()
    {
    }

    /// <summary>The feed's bytes (decompressed) and what the server said about them.</summary>
    /// <param name="FinalUrl">Where the feed was found after redirects; null for files.</param>
    /// <param name="MaxAge">How long the server says the response stays fresh (Cache-Control max-age), if it says.</param>
    /// <param name="MovedTo">Where the feed now lives when every redirect on the way was permanent (301/308).</param>
    public sealed record Success(
        byte[] Content,
        string? MediaType,
        string? Charset,
        string? ETag,
        DateTimeOffset? LastModified,
        Uri? FinalUrl,
        TimeSpan? MaxAge = null,
        Uri? MovedTo = null) : FetchResult;

    /// <summary>The copy held is still current (HTTP 304, or an unchanged file).</summary>
    public sealed record NotModified(string? ETag, DateTimeOffset? LastModified, TimeSpan? MaxAge = null, Uri? MovedTo = null) : FetchResult;

    /// <summary>
    /// Nothing usable was fetched; <paramref name="Reason"/> says why, as a <see cref="StoredText"/>
    /// key with its arguments (read in each reader's language), or in the system's own words.
    /// </summary>
    /// <param name="Limit">Which of the fetch's limits ended it, if one did.</param>
    public sealed record Failure(string Reason, int? StatusCode = null, TimeSpan? RetryAfter = null, FetchLimit Limit = FetchLimit.None) : FetchResult;
}

/// <summary>
/// Downloads a feed over http(s) or reads it from a file, within the configured time and size
/// limits. It never throws, except <see cref="OperationCanceledException"/> for the caller's token.
/// </summary>
internal sealed class FeedFetcher(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<FeedsOptions> options,
    IHostEnvironment environment,
    TimeProvider timeProvider,
    ILogger<FeedFetcher> logger,
    AddressGuard? addressGuard = null)
{
    private readonly AddressGuard _guard = addressGuard ?? new AddressGuard(timeProvider);

    public const string HttpClientName = "NewsBot.Feeds";
    public const string UserAgent = "NewsBot/1.0 (+https://github.com/newsbot)";

    private const string AcceptHeader =
        "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, " +
        "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

    private const string PageAcceptHeader = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";

    private const int ChunkSize = 16 * 1024;

    /// <summary>More hops than this is a redirect loop or a badly configured site.</summary>
    public const int MaxRedirects = 5;

    /// <summary>Fetches the feed named by a configured address (URL or file path).</summary>
    public Task<FetchResult> FetchAsync(string source, FetchConditions? conditions, CancellationToken cancellationToken)
    {
        var location = FeedLocation.Parse(source, environment.ContentRootPath, out var error);
        return location is null
            ? Task.FromResult<FetchResult>(new FetchResult.Failure($"'{source}' {error}; expected an http(s) URL or a file path"))
            : FetchAsync(location, conditions, cancellationToken);
    }

    /// <summary>Fetches the feed at <paramref name="location"/>.</summary>
    public async Task<FetchResult> FetchAsync(FeedLocation location, FetchConditions? conditions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        cancellationToken.ThrowIfCancellationRequested();
        conditions ??= FetchConditions.None;
        var result = location switch
        {
            FeedLocation.Http http => await FetchHttpAsync(http.Url, conditions, cancellationToken).ConfigureAwait(false),
            FeedLocation.LocalFile file => await ReadFileAsync(file.FullPath, conditions, cancellationToken).ConfigureAwait(false),
            _ => new FetchResult.Failure("Unsupported feed location"),
        };

        switch (result)
        {
            case FetchResult.Failure failure:
                logger.LogFetchFailed(location, StoredText.InEnglish(failure.Reason));
                break;
            case FetchResult.Success success:
                logger.LogFetched(location, success.Content.Length);
                break;
            default:
                logger.LogNotModified(location);
                break;
        }

        return result;
    }

    /// <summary>
    /// Fetches a web page (an article's) with the same guards, limits and redirect rules as a
    /// feed, asking for HTML. Only http(s) addresses: a page never comes from a file.
    /// </summary>
    public async Task<FetchResult> FetchPageAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return new FetchResult.Failure($"Only http(s) pages are read ({url.Scheme}:)");
        }

        var result = await FetchHttpAsync(url, FetchConditions.None, cancellationToken, PageAcceptHeader).ConfigureAwait(false);
        if (result is FetchResult.Failure failure)
        {
            logger.LogPageFailed(url.Host, StoredText.InEnglish(failure.Reason));
        }

        return result;
    }

    private async Task<FetchResult> FetchHttpAsync(Uri url, FetchConditions conditions, CancellationToken cancellationToken, string accept = AcceptHeader)
    {
        var settings = options.CurrentValue;
        using var timeout = new CancellationTokenSource(settings.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            var current = url;
            var allPermanent = true;
            HttpResponseMessage response;
            for (var hops = 0; ; hops++)
            {
                // Through a proxy the connection goes to the proxy, so the target is checked here instead.
                if (!settings.AllowPrivateAddresses && GuardedConnector.ProxyAddress(settings) is not null
                    && await GuardedConnector.RefusedTargetAsync(_guard, current, linked.Token).ConfigureAwait(false) is { } refusal)
                {
                    return new FetchResult.Failure(refusal);
                }

                using var request = CreateRequest(current, conditions, accept);
                response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                if (!IsRedirect(response.StatusCode))
                {
                    break;
                }

                var location = response.Headers.Location;
                var permanent = response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.PermanentRedirect;
                response.Dispose();
                if (location is null)
                {
                    return new FetchResult.Failure(StoredText.Of("feedError.redirectWithoutLocation"));
                }

                if (hops + 1 > MaxRedirects)
                {
                    return new FetchResult.Failure(StoredText.Of("feedError.redirectLoop", ("max", MaxRedirects)));
                }

                var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                {
                    return new FetchResult.Failure(StoredText.Of("feedError.redirectScheme", ("scheme", next.Scheme)));
                }

                allPermanent &= permanent;
                current = next;
            }

            using var disposeResponse = response;
            var movedTo = allPermanent && current != url ? current : null;
            var maxAge = response.Headers.CacheControl?.MaxAge ?? response.Headers.CacheControl?.SharedMaxAge;
            var etag = response.Headers.ETag?.ToString();
            var lastModified = response.Content.Headers.LastModified;
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new FetchResult.NotModified(etag ?? conditions.ETag, lastModified ?? conditions.LastModified, maxAge, movedTo);
            }

            if (!response.IsSuccessStatusCode)
            {
                var code = (int)response.StatusCode;
                var phrase = string.IsNullOrWhiteSpace(response.ReasonPhrase) ? response.StatusCode.ToString() : response.ReasonPhrase;
                return new FetchResult.Failure(
                    StoredText.Of("feedError.http", ("code", code), ("phrase", phrase)),
                    code,
                    RetryAfter(response.Headers.RetryAfter));
            }

            if (response.Content.Headers.ContentLength > settings.MaxFeedBytes)
            {
                return TooLarge(settings.MaxFeedBytes);
            }

            var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var content = await ReadLimitedAsync(stream, settings.MaxFeedBytes, linked.Token).ConfigureAwait(false);
                if (content is null)
                {
                    return TooLarge(settings.MaxFeedBytes);
                }

                var contentType = response.Content.Headers.ContentType;
                return new FetchResult.Success(
                    content,
                    contentType?.MediaType,
                    contentType?.CharSet,
                    etag,
                    lastModified,
                    current,
                    maxAge,
                    movedTo);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new FetchResult.Failure(
                StoredText.Of("feedError.timeout", ("duration", Describe(settings.RequestTimeout)), ("setting", $"{FeedsOptions.SectionName}:RequestTimeout")),
                Limit: FetchLimit.Time);
        }
        catch (OperationCanceledException)
        {
            return new FetchResult.Failure(StoredText.Of("feedError.cancelled"));
        }
        catch (HttpRequestException e)
        {
            return new FetchResult.Failure(Describe(e, url));
        }
        catch (InvalidDataException)
        {
            return new FetchResult.Failure(StoredText.Of("feedError.corrupt"));
        }
        catch (IOException e)
        {
            return new FetchResult.Failure(StoredText.Of("feedError.connectionBroke", ("detail", e.Message)));
        }
        // Never throwing is the contract: one odd server must not take down the poller.
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogUnexpectedError(e, url.Host);
            return new FetchResult.Failure(StoredText.Of("feedError.unexpected", ("detail", e.Message)));
        }
    }

    private static HttpRequestMessage CreateRequest(Uri url, FetchConditions conditions, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (!string.IsNullOrEmpty(conditions.ETag))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", conditions.ETag);
        }

        if (conditions.LastModified is { } since)
        {
            request.Headers.IfModifiedSince = since;
        }

        return request;
    }

    private static bool IsRedirect(HttpStatusCode status) => status is
        HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or
        HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static async Task<byte[]?> ReadLimitedAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            // Checked while streaming: Content-Length can be absent or lie, and compressed bodies grow.
            if (content.Length + read > maxBytes)
            {
                return null;
            }

            content.Write(chunk, 0, read);
        }

        return content.ToArray();
    }

    private async Task<FetchResult> ReadFileAsync(string path, FetchConditions conditions, CancellationToken cancellationToken)
    {
        var maxBytes = options.CurrentValue.MaxFeedBytes;
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                return new FetchResult.Failure(StoredText.Of("feedError.fileNotFound", ("path", path)));
            }

            if (file.Length > maxBytes)
            {
                return TooLarge(maxBytes);
            }

            // Second precision, like an HTTP date, so that a stored value compares equal.
            var modified = new DateTimeOffset(file.LastWriteTimeUtc.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
            if (conditions.LastModified == modified)
            {
                return new FetchResult.NotModified(null, modified);
            }

            var content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            return new FetchResult.Success(content, MediaTypeOf(path), null, null, modified, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return new FetchResult.Failure(StoredText.Of("feedError.fileUnreadable", ("path", path), ("detail", e.Message)));
        }
    }

    private static string? MediaTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".rss" or ".xml" => "application/rss+xml",
        ".atom" => "application/atom+xml",
        ".rdf" => "application/rdf+xml",
        ".json" => "application/feed+json",
        _ => null,
    };

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? retryAfter)
    {
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static FetchResult.Failure TooLarge(long maxBytes) =>
        new(StoredText.Of("feedError.tooLarge", ("size", DescribeSize(maxBytes)), ("setting", $"{FeedsOptions.SectionName}:MaxFeedBytes")), Limit: FetchLimit.Size);

    private static string Describe(HttpRequestException e, Uri url)
    {
        if (FindInner<GuardedConnector.BlockedAddressException>(e) is { } blocked)
        {
            return blocked.Message;
        }

        var socket = FindInner<SocketException>(e);
        if (e.HttpRequestError == HttpRequestError.NameResolutionError
            || socket?.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain)
        {
            return StoredText.Of("feedError.dnsFailed", ("host", url.Host));
        }

        return e.HttpRequestError switch
        {
            HttpRequestError.ConnectionError => socket?.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => StoredText.Of("feedError.connectionRefused", ("host", url.Host), ("port", url.Port)),
                SocketError.TimedOut => StoredText.Of("feedError.connectTimeout", ("host", url.Host)),
                SocketError.HostUnreachable or SocketError.NetworkUnreachable => StoredText.Of("feedError.unreachable", ("host", url.Host)),
                _ => StoredText.Of("feedError.connectFailed", ("host", url.Host), ("detail", (socket ?? e.InnerException ?? e).Message)),
            },
            HttpRequestError.SecureConnectionError => StoredText.Of("feedError.tls", ("host", url.Host)),
            HttpRequestError.ResponseEnded => StoredText.Of("feedError.responseEnded"),
            HttpRequestError.InvalidResponse => StoredText.Of("feedError.invalidResponse"),
            HttpRequestError.ConfigurationLimitExceeded => StoredText.Of("feedError.headersTooLarge"),
            _ => e.Message,
        };
    }

    private static T? FindInner<T>(Exception e)
        where T : Exception
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }

    internal static string Describe(TimeSpan duration) =>
        duration.TotalSeconds >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#} s")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0} ms");

    internal static string DescribeSize(long bytes)
    {
        const long KiB = 1024;
        const long MiB = 1024 * KiB;
        return bytes switch
        {
            >= MiB => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)MiB:0.#} MB"),
            >= KiB => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)KiB:0.#} KB"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        };
    }
}
