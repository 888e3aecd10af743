namespace NewsBot.Core.Commands;

/// <summary>One article shown in full, with its Save / Saved toggle: what /read answers, and what a toggle press answers with.</summary>
public static class ArticleCard
{
    /// <param name="article">The article.</param>
    /// <param name="saved">Whether the asker has saved it.</param>
    /// <param name="articles">Where the other reports of its story are found.</param>
    /// <param name="texts">The words of the asker's language.</param>
    /// <param name="body">Its whole text when there is one, in place of the summary; a long one shows its first part with a Continue button.</param>
    /// <param name="cancellationToken">Ends the lookups.</param>
    public static async Task<Reply> ForAsync(Article article, bool saved, IArticleStore articles, Texts texts, CancellationToken cancellationToken, string? body = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(texts);
        var id = article.Id;
        var view = ArticleViews.From(article) with { AlsoReportedBy = await AlsoReportedByAsync(article, articles, cancellationToken).ConfigureAwait(false) };
        var parts = body is null ? [] : ArticleParts.Split(body);
        var buttons = new List<ReplyButton>
        {
            saved
                ? ReplyButton.ForCommand(texts.Get("button.saved"), $"/unbookmark {id}", ButtonKind.Toggle)
                : ReplyButton.ForCommand(texts.Get("button.save"), $"/bookmark {id}", ButtonKind.Toggle),
        };
        if (parts.Count > 1)
        {
            buttons.Add(ContinueButton(id, 2, parts.Count, texts));
        }

        buttons.Add(ReplyButton.ForUrl(texts.Get("button.open"), article.Url));
        return new Reply
        {
            Blocks = parts.Count == 0
                ? [new ArticleCardBlock(view)]
                : [new ArticleCardBlock(view with { Summary = "" }), new ArticleBodyBlock(parts[0])],
            Buttons = buttons,
        };
    }

    /// <summary>Part <paramref name="part"/> (2 or later) of an article's whole text, with Continue while more follow.</summary>
    public static Reply Part(Article article, IReadOnlyList<string> parts, int part, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(texts);
        var heading = texts.Get("read.partHeading", ("title", Bidi.Isolate(article.Title)), ("part", part), ("parts", parts.Count));
        var buttons = new List<ReplyButton>();
        if (part < parts.Count)
        {
            buttons.Add(ContinueButton(article.Id, part + 1, parts.Count, texts));
        }

        buttons.Add(ReplyButton.ForUrl(texts.Get("button.open"), article.Url));
        return new Reply { Blocks = [new ArticleBodyBlock(parts[part - 1], heading)], Buttons = buttons, SuppressLinkPreview = true };
    }

    // A new message, not a page turn: the parts read on one after another, as in an article.
    private static ReplyButton ContinueButton(int id, int part, int parts, Texts texts) =>
        ReplyButton.ForCommand(texts.Get("button.continue", ("part", part), ("parts", parts)), $"/read {id} {part}");

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
