using AngleSharp.Html.Parser;
using SmartReader;

namespace NewsBot.Feeds;

/// <summary>
/// Reads the main text of an article's web page for /read: fetched by the feed fetcher (address
/// guard, Feeds:MaxFeedBytes, Feeds:RequestTimeout, redirects), then the article told apart from
/// navigation, ads and comments by SmartReader (Mozilla's Readability), and turned into plain
/// text like a feed's body. Extraction is CPU work on a parsed document: it runs on the thread
/// pool, two at a time, within <see cref="ExtractionBudget"/>; a page that takes longer counts as
/// too slow, and its slot stays taken until the work really ends, so slow pages cannot pile up.
/// </summary>
internal sealed class PageTextReader(FeedFetcher fetcher, ILogger<PageTextReader> logger) : IPageTextReader, IDisposable
{
    public static readonly TimeSpan ExtractionBudget = TimeSpan.FromSeconds(10);

    /// <summary>More elements than any article page has: beyond it the page is not analysed.</summary>
    public const int MaxElements = 60_000;

    private const int MaxConcurrentExtractions = 2;

    private readonly SemaphoreSlim _extractions = new(MaxConcurrentExtractions);

    public async Task<PageText> ReadAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address))
        {
            return PageText.Failed(FullTextProblem.Unreachable);
        }

        var fetched = await fetcher.FetchPageAsync(address, cancellationToken).ConfigureAwait(false);
        switch (fetched)
        {
            case FetchResult.Failure { Limit: FetchLimit.Size }:
                return PageText.Failed(FullTextProblem.TooLarge);
            case FetchResult.Failure { Limit: FetchLimit.Time }:
                return PageText.Failed(FullTextProblem.TimedOut);
            case FetchResult.Success page when IsHtml(page):
                return await ExtractAsync(page, address, cancellationToken).ConfigureAwait(false);
            case FetchResult.Success:
                return PageText.Failed(FullTextProblem.NotHtml);
            default:
                return PageText.Failed(FullTextProblem.Unreachable);
        }
    }

    public void Dispose() => _extractions.Dispose();

    /// <summary>The main text of an HTML page already in hand; used for pages fetched above, and by tests.</summary>
    internal static PageText Extract(string html, Uri address, CancellationToken cancellationToken)
    {
        var document = new HtmlParser().ParseDocument(html);
        if (document.All.Length > MaxElements)
        {
            return PageText.Failed(FullTextProblem.NoText);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var reader = new Reader(address.AbsoluteUri, document) { MaxElemsToParse = MaxElements, Debug = false };
        var article = reader.GetArticle();
        if (!article.Completed || !article.IsReadable || string.IsNullOrWhiteSpace(article.Content))
        {
            return PageText.Failed(FullTextProblem.NoText);
        }

        var text = HtmlToText.Read(article.Content, ArticleText.MaxLength).Text;
        if (text.Length > ArticleText.MaxLength)
        {
            text = text[..ArticleText.MaxLength];
        }

        return text.Length == 0 ? PageText.Failed(FullTextProblem.NoText) : new PageText(text, FullTextProblem.None);
    }

    private async Task<PageText> ExtractAsync(FetchResult.Success page, Uri address, CancellationToken cancellationToken)
    {
        var html = Decode(page);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(ExtractionBudget);
        try
        {
            await _extractions.WaitAsync(budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return PageText.Failed(FullTextProblem.TimedOut);
        }

        var finalAddress = page.FinalUrl ?? address;
        var work = Task.Run(() => Extract(html, finalAddress, CancellationToken.None), CancellationToken.None);
        _ = work.ContinueWith(_ => _extractions.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            return await work.WaitAsync(budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogTooSlow(address.Host);
            return PageText.Failed(FullTextProblem.TimedOut);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A page that trips up the extractor is a page without text, not an error for the asker.
            logger.LogExtractionFailed(ex, address.Host);
            return PageText.Failed(FullTextProblem.NoText);
        }
    }

    private static bool IsHtml(FetchResult.Success page) =>
        page.MediaType is null
            ? LooksLikeHtml(page.Content)
            : page.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) || page.MediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeHtml(byte[] content) =>
        Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 1024)).Contains("<html", StringComparison.OrdinalIgnoreCase);

    private static string Decode(FetchResult.Success page)
    {
        if (page.Charset is { Length: > 0 } charset)
        {
            try
            {
                return Encoding.GetEncoding(charset.Trim('"', ' ')).GetString(page.Content);
            }
            catch (ArgumentException)
            {
                // An unknown charset name: UTF-8 below reads most pages right.
            }
        }

        return Encoding.UTF8.GetString(page.Content);
    }
}
