namespace NewsBot.Core.Commands;

/// <summary>One article shown in full, with its Save / Saved toggle: what /read answers, and what a toggle press answers with.</summary>
public static class ArticleCard
{
    public static async Task<Reply> ForAsync(Article article, bool saved, IArticleStore articles, Texts texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(texts);
        var id = article.Id;
        return new Reply
        {
            Blocks = [new ArticleCardBlock(ArticleViews.From(article) with { AlsoReportedBy = await AlsoReportedByAsync(article, articles, cancellationToken).ConfigureAwait(false) })],
            Buttons =
            [
                saved
                    ? ReplyButton.ForCommand(texts.Get("button.saved"), $"/unbookmark {id}", ButtonKind.Toggle)
                    : ReplyButton.ForCommand(texts.Get("button.save"), $"/bookmark {id}", ButtonKind.Toggle),
                ReplyButton.ForUrl(texts.Get("button.open"), article.Url),
            ],
        };
    }

    private static async Task<List<string>> AlsoReportedByAsync(Article article, IArticleStore articles, CancellationToken cancellationToken)
    {
        var story = new List<Article>();
        if (article.StoryId != 0 && await articles.GetAsync(article.StoryId, cancellationToken).ConfigureAwait(false) is { } lead)
        {
            story.Add(lead);
        }

        story.AddRange(await articles.StoryMembersAsync(article.StoryLeadId, cancellationToken).ConfigureAwait(false));
        return story
            .Where(a => a.Id != article.Id && a.SourceId != article.SourceId)
            .Select(a => $"{Bidi.Isolate(a.SourceName)} (#{a.Id})")
            .Concat(article.AlsoIn)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
