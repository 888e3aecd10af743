namespace NewsBot.Core.Replies;

public static class ArticleViews
{
    public static ArticleView From(Article article) => new(
        article.Id, article.Title, article.SourceName, article.PublishedAt, article.Url,
        article.Summary, article.ImageUrl, article.Topics);

    /// <summary>The articles as a list, each with nothing but its own line.</summary>
    public static ArticleListBlock ListOf(IEnumerable<Article> articles) =>
        new(articles.Select(a => new ArticleListItem(From(a))).ToList());
}
