using NewsBot.Core.Articles;
using NewsBot.Core.Replies;

namespace NewsBot.Core.Commands;

public static class ArticleViews
{
    public static ArticleView From(Article article) => new(
        article.Id, article.Title, article.SourceName, article.PublishedAt, article.Url,
        article.Summary, article.ImageUrl, article.Topics);
}
