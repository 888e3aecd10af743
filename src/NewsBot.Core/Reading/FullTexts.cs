namespace NewsBot.Core.Reading;

/// <summary>
/// The whole text of an article for /read: the feed's body when it carried one, else the main
/// text of the article's page, read once and kept with the article. A failed reading is kept
/// too, for <see cref="FailureKeptFor"/>, so pressing again does not fetch again. Pages are read
/// a few at a time (<see cref="MaxConcurrentReads"/>) and one article's page once, however many
/// ask at the same moment; waiting for a page never holds up anything but the command that asked.
/// </summary>
public sealed class FullTexts(
    IArticleTextStore texts,
    ISourceStore sources,
    IPageTextReader pages,
    TimeProvider time,
    ILogger<FullTexts> logger) : IDisposable
{
    /// <summary>How long a failed reading stands before the page is tried again.</summary>
    public static readonly TimeSpan FailureKeptFor = TimeSpan.FromMinutes(15);

    /// <summary>Pages fetched and extracted at once, across all chats.</summary>
    public const int MaxConcurrentReads = 4;

    private readonly SemaphoreSlim _reads = new(MaxConcurrentReads);
    private readonly ConcurrentDictionary<int, Lazy<Task<ArticleText>>> _inFlight = new();

    /// <summary>The text stored for the article already, without reading anything: what a Save press needs.</summary>
    public async Task<string?> StoredAsync(int articleId, CancellationToken cancellationToken)
    {
        try
        {
            return await texts.GetAsync(articleId, cancellationToken).ConfigureAwait(false) is { HasText: true } stored ? stored.Text : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogStoreFailed(ex, articleId);
            return null;
        }
    }

    /// <summary>Never throws, except for the caller's cancellation.</summary>
    public async Task<FullText> GetAsync(Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        try
        {
            var stored = await texts.GetAsync(article.Id, cancellationToken).ConfigureAwait(false);
            if (stored is { HasText: true })
            {
                return new FullText(stored.Text, FullTextProblem.None);
            }

            var source = await sources.GetAsync(article.SourceId, cancellationToken).ConfigureAwait(false);
            if (source?.FullText == FullTextMode.Never || !IsWebAddress(article.Url))
            {
                return FullText.None;
            }

            if (stored is { Origin: ArticleTextOrigin.Failed } failed && time.GetUtcNow() - failed.StoredAt < FailureKeptFor)
            {
                return new FullText(null, failed.Problem);
            }

            var read = await _inFlight.GetOrAdd(article.Id, id => new Lazy<Task<ArticleText>>(() => ReadAndKeepAsync(id, article.Url)))
                .Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            return read.HasText ? new FullText(read.Text, FullTextProblem.None) : new FullText(null, read.Problem);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogStoreFailed(ex, article.Id);
            return FullText.None;
        }
    }

    public void Dispose() => _reads.Dispose();

    // Runs on its own, not on the token of whoever asked first: others may be waiting for it too.
    // The fetcher's own time limit bounds it.
    private async Task<ArticleText> ReadAndKeepAsync(int articleId, string url)
    {
        try
        {
            await _reads.WaitAsync().ConfigureAwait(false);
            PageText page;
            try
            {
                page = await pages.ReadAsync(url, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _reads.Release();
            }

            var now = time.GetUtcNow();
            var text = page.Problem == FullTextProblem.None && page.Text.Length > 0
                ? new ArticleText(articleId, ArticleTextOrigin.Page, Bounded(page.Text), FullTextProblem.None, now)
                : ArticleText.Failure(articleId, page.Problem == FullTextProblem.None ? FullTextProblem.NoText : page.Problem, now);
            logger.LogRead(articleId, text.Origin, text.Problem);
            try
            {
                await texts.SaveAsync([text], CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Shown all the same; it is read again next time.
                logger.LogStoreFailed(ex, articleId);
            }

            return text;
        }
        catch (Exception ex)
        {
            logger.LogReadFailed(ex, articleId);
            return ArticleText.Failure(articleId, FullTextProblem.Unreachable, time.GetUtcNow());
        }
        finally
        {
            _inFlight.TryRemove(articleId, out _);
        }
    }

    private static string Bounded(string text) => text.Length <= ArticleText.MaxLength ? text : text[..ArticleText.MaxLength];

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
