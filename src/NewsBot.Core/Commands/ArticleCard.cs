using NewsBot.Core.Articles;
using NewsBot.Core.Replies;

namespace NewsBot.Core.Commands;

/// <summary>One article shown in full, with its Save / Saved toggle: what /read answers, and what a toggle press answers with.</summary>
public static class ArticleCard
{
    public static Reply For(Article article, bool saved, IArticleStore articles)
    {
        ArgumentNullException.ThrowIfNull(article);
        var id = article.Id;
        return new Reply
        {
            Blocks = [new ArticleCardBlock(ArticleViews.From(article) with { AlsoReportedBy = AlsoReportedBy(article, articles) })],
            Buttons =
            [
                saved
                    ? ReplyButton.ForCommand("★ Saved", $"/unbookmark {id}", ButtonKind.Toggle)
                    : ReplyButton.ForCommand("☆ Save", $"/bookmark {id}", ButtonKind.Toggle),
                ReplyButton.ForUrl("Open", article.Url),
            ],
        };
    }

    private static List<string> AlsoReportedBy(Article article, IArticleStore articles)
    {
        var story = new List<Article>();
        if (article.StoryId != 0 && articles.Get(article.StoryId) is { } lead)
        {
            story.Add(lead);
        }

        story.AddRange(articles.StoryMembers(article.StoryLeadId));
        return story
            .Where(a => a.Id != article.Id && a.SourceId != article.SourceId)
            .Select(a => $"{a.SourceName} (#{a.Id})")
            .Concat(article.AlsoIn)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
