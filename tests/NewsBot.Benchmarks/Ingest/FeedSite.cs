using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using NewsBot.Testing;

namespace NewsBot.Benchmarks.Ingest;

/// <summary>
/// The loopback feed site: Kestrel on 127.0.0.1 with a free port, serving every source's current
/// feed copy from memory with a strong ETag and Last-Modified, gzip-compressed when the client
/// accepts it (as nearly every real feed host does). It answers 304 to a matching If-None-Match
/// unless told to ignore validators, which is how the unchanged-200 cycle is made. It runs in a
/// child process driven over standard input (see <see cref="FeedSiteProcess"/>).
/// </summary>
internal sealed class FeedSite : IAsyncDisposable
{
    /// <summary>Commands and answers of the control protocol, one line each.</summary>
    public const string Listening = "listening";
    public const string Publish = "publish";
    public const string Published = "published";
    public const string Validators = "validators";
    public const string Stats = "stats";
    public const string Ok = "ok";
    public const string Quit = "quit";
    public const string Error = "error";

    private readonly WebApplication _app;
    private readonly FeedGenerator _generator;
    private readonly int _sources;
    private readonly bool _gzip;
    private Document[] _documents = [];
    private volatile bool _honourValidators = true;
    private long _requests;
    private long _ok;
    private long _notModified;
    private long _other;
    private long _bytesSent;

    private FeedSite(WebApplication app, FeedGenerator generator, int sources, bool gzip)
    {
        _app = app;
        _generator = generator;
        _sources = sources;
        _gzip = gzip;
        app.Run(ServeAsync);
    }

    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The child process's main loop: start the site, then obey standard input until "quit" or end of input.</summary>
    public static async Task<int> RunChildAsync(IngestSettings settings, CancellationToken cancellationToken)
    {
        var generator = new FeedGenerator(settings.Seed, settings.Items, settings.Vocabulary);
        await using var site = await StartAsync(generator, settings.Sources, settings.Gzip, cancellationToken);
        var output = Console.Out;
        await output.WriteLineAsync($"{Listening} {site.BaseUri}");
        await output.FlushAsync(cancellationToken);
        while (await Console.In.ReadLineAsync(cancellationToken) is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            string answer;
            try
            {
                answer = parts[0] switch
                {
                    Publish when parts.Length == 2 => site.PublishWindow(int.Parse(parts[1], CultureInfo.InvariantCulture)),
                    Validators when parts.Length == 2 => site.SetValidators(parts[1] == "honour"),
                    Stats => site.DescribeStats(),
                    Quit => Quit,
                    _ => $"{Error} unknown command: {line}",
                };
            }
            catch (Exception ex) when (ex is FormatException or OverflowException)
            {
                answer = $"{Error} {ex.Message}";
            }

            await output.WriteLineAsync(answer);
            await output.FlushAsync(cancellationToken);
            if (answer == Quit)
            {
                break;
            }
        }

        return ExitCodes.Success;
    }

    public static async Task<FeedSite> StartAsync(FeedGenerator generator, int sources, bool gzip, CancellationToken cancellationToken)
    {
        var site = new FeedSite(LoopbackWebApp.Create(), generator, sources, gzip);
        site.BaseUri = await site._app.StartListeningAsync(cancellationToken);
        return site;
    }

    /// <summary>Builds and starts serving every source's copy of items <paramref name="firstItem"/> onwards.</summary>
    public string PublishWindow(int firstItem)
    {
        var started = Stopwatch.GetTimestamp();
        var documents = new Document[_sources];
        Parallel.For(0, _sources, i =>
        {
            var feed = _generator.Generate(i + 1, firstItem);
            documents[i] = new Document(feed, _gzip ? Compress(feed.Content) : null);
        });
        Volatile.Write(ref _documents, documents);

        // The previous round and the building garbage are collected now, not during the next cycle.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var bytes = documents.Sum(d => (long)d.Feed.Content.Length);
        var wire = documents.Sum(d => (long)(d.Gzip ?? d.Feed.Content).Length);
        var items = documents.Sum(d => (long)d.Feed.Items);
        return string.Create(CultureInfo.InvariantCulture, $"{Published} {documents.Length} {items} {bytes} {wire} {Stopwatch.GetElapsedTime(started).TotalSeconds:0.000}");
    }

    public string SetValidators(bool honour)
    {
        _honourValidators = honour;
        return Ok;
    }

    public string DescribeStats() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Stats} {Interlocked.Read(ref _requests)} {Interlocked.Read(ref _ok)} {Interlocked.Read(ref _notModified)} {Interlocked.Read(ref _other)} {Interlocked.Read(ref _bytesSent)}");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAndDisposeAsync(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var documents = Volatile.Read(ref _documents);
        var response = context.Response;
        if (!HttpMethods.IsGet(context.Request.Method) || !TryParseSource(context.Request.Path, out var source) || source > documents.Length)
        {
            Interlocked.Increment(ref _other);
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var document = documents[source - 1];
        var feed = document.Feed;
        var headers = response.Headers;
        headers.ETag = feed.ETag;
        headers.LastModified = feed.LastModified.ToString("R", CultureInfo.InvariantCulture);
        if (_honourValidators && Matches(context.Request.Headers.IfNoneMatch, feed.ETag))
        {
            Interlocked.Increment(ref _notModified);
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var body = feed.Content;
        headers.Vary = HeaderNames.AcceptEncoding;
        if (document.Gzip is { } gzip && AcceptsGzip(context.Request.Headers.AcceptEncoding))
        {
            headers.ContentEncoding = "gzip";
            body = gzip;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = feed.ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
        Interlocked.Increment(ref _ok);
        Interlocked.Add(ref _bytesSent, body.Length);
    }

    private static bool TryParseSource(PathString path, out int source)
    {
        // "/feeds/17.xml", "/feeds/17.atom", "/feeds/17.json"
        source = 0;
        var value = path.Value.AsSpan();
        const string Prefix = "/feeds/";
        if (!value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        value = value[Prefix.Length..];
        var dot = value.IndexOf('.');
        return dot > 0 && int.TryParse(value[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out source) && source > 0;
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        foreach (var header in ifNoneMatch)
        {
            foreach (var candidate in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (candidate == "*" || candidate == etag || candidate == "W/" + etag)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool AcceptsGzip(Microsoft.Extensions.Primitives.StringValues acceptEncoding)
    {
        foreach (var header in acceptEncoding)
        {
            if (header is not null && header.Contains("gzip", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] Compress(byte[] content)
    {
        using var output = new MemoryStream(content.Length / 3);
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    private sealed record Document(GeneratedFeed Feed, byte[]? Gzip);
}
