namespace NewsBot.Core.Commands.Handlers;

/// <summary>
/// <c>/read 42</c>: the article's card with its whole text when there is one (the feed's body, or
/// its page's main text), else its summary with a line saying why not; <c>/read 42 2</c> is the
/// next part of a long text, which the Continue button asks for.
/// </summary>
public sealed class ReadHandler(IArticleStore articles, IBookmarkStore bookmarks, FullTexts fullTexts) : ArticleCommandHandler(articles, "read.notFound")
{
    public override CommandInfo Command => CommandCatalog.Read;

    protected override async ValueTask<Reply> HandleAsync(CommandRequest request, Article article, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        if (!TryReadPart(request.Arguments, out var part))
        {
            return Reply.Problem(t.Get("read.badPart", ("id", article.Id)));
        }

        var full = await fullTexts.GetAsync(article, cancellationToken).ConfigureAwait(false);
        if (part > 1 && full.Text is { } text)
        {
            var parts = ArticleParts.Split(text);
            if (parts.Count > 1)
            {
                return ArticleCard.Part(article, parts, Math.Min(part, parts.Count), t);
            }
        }

        var saved = await bookmarks.ContainsAsync(request.Message.User.Key, article.Id, cancellationToken).ConfigureAwait(false);
        var card = await ArticleCard.ForAsync(article, saved, Articles, t, cancellationToken, full.Text).ConfigureAwait(false);
        return full.Problem == FullTextProblem.None
            ? card
            : card with { Blocks = [.. card.Blocks, new TextBlock(t.Get(NoteKey(full.Problem)), TextStyle.Hint)] };
    }

    /// <summary>The part after the article number: none means the first.</summary>
    private static bool TryReadPart(string arguments, out int part)
    {
        part = 1;
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length switch
        {
            <= 1 => true,
            2 => int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out part) && part >= 1,
            _ => false,
        };
    }

    private static string NoteKey(FullTextProblem problem) => problem switch
    {
        FullTextProblem.TooLarge => "read.fullText.tooLarge",
        FullTextProblem.TimedOut => "read.fullText.timedOut",
        FullTextProblem.NotHtml => "read.fullText.notHtml",
        FullTextProblem.NoText => "read.fullText.noText",
        _ => "read.fullText.unreachable",
    };
}
