namespace NewsBot.Feeds;

/// <summary>
/// Keeps the full bodies that feeds carry (content:encoded, Atom content, JSON Feed content) with
/// the articles just stored, so /read shows them without fetching a page. Only new articles'
/// bodies are converted, and only a body that says more than the summary is kept.
/// </summary>
internal sealed class FeedBodies(IArticleTextStore texts, TimeProvider time, ILogger<FeedBodies> logger)
{
    /// <summary>
    /// Converts the bodies of a read's items to text while the read is made ready, beside the
    /// storing of other sources, rather than while its articles are stored: the items a read
    /// brings are the ones not listed before, nearly all of them new.
    /// </summary>
    public static void ConvertAhead(FeedDocument document)
    {
        foreach (var item in document.Items)
        {
            if (item.Entry.Link is not null)
            {
                _ = item.Content;
            }
        }
    }

    /// <summary>The bodies worth keeping of the articles a read added: those that say more than the summary.</summary>
    public IReadOnlyList<ArticleText> Of(FeedDocument document, IReadOnlyList<Article> added)
    {
        if (added.Count == 0)
        {
            return [];
        }

        var byLink = new Dictionary<string, ParsedItem>(StringComparer.Ordinal);
        foreach (var item in document.Items)
        {
            if (item.Entry.Link is { } link)
            {
                byLink.TryAdd(link, item);
            }
        }

        var now = time.GetUtcNow();
        var bodies = new List<ArticleText>();
        foreach (var article in added)
        {
            if (byLink.TryGetValue(article.Url, out var item) && item.Content is { Length: > 0 } body && body.Length > article.Summary.Length)
            {
                var bounded = body.Length <= ArticleText.MaxLength ? body : body[..ArticleText.MaxLength];
                bodies.Add(new ArticleText(article.Id, ArticleTextOrigin.Feed, DisguisingCharacters.Strip(bounded), FullTextProblem.None, now));
            }
        }

        return bodies;
    }

    /// <summary>Stores bodies, several sources' in one write.</summary>
    public async Task KeepAsync(IReadOnlyList<ArticleText> bodies, CancellationToken cancellationToken)
    {
        if (bodies.Count == 0)
        {
            return;
        }

        try
        {
            await texts.SaveAsync(bodies, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The articles are stored; without their bodies /read reads their pages instead.
            logger.LogNotKept(ex, bodies.Count);
        }
    }
}
