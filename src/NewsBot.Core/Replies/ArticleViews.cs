namespace NewsBot.Core.Replies;

public static class ArticleViews
{
    public static ArticleView From(Article article) => new(
        article.Id, article.Title, article.SourceName, article.PublishedAt, article.Url,
        article.Summary, article.ImageUrl, article.Topics);
}
