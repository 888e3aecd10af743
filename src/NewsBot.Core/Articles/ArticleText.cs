namespace NewsBot.Core.Articles;

/// <summary>
/// The whole text of an article as /read shows it, kept beside the article (and removed with it):
/// the feed's own body, the text read from its page, or the failure of that reading.
/// </summary>
/// <param name="Text">Plain text with paragraphs as line breaks, at most <see cref="MaxLength"/> characters; "" for a failure.</param>
/// <param name="StoredAt">When it was read; a failure is tried again once it is old enough.</param>
public sealed record ArticleText(int ArticleId, ArticleTextOrigin Origin, string Text, FullTextProblem Problem, DateTimeOffset StoredAt)
{
    /// <summary>The most text kept for one article.</summary>
    public const int MaxLength = 20_000;

    public static ArticleText Failure(int articleId, FullTextProblem problem, DateTimeOffset at) => new(articleId, ArticleTextOrigin.Failed, "", problem, at);

    public bool HasText => Origin != ArticleTextOrigin.Failed && Text.Length > 0;
}
