namespace NewsBot.Core.Articles;

/// <summary>The full texts of articles, kept apart from the articles so that lists and the index never load them.</summary>
public interface IArticleTextStore
{
    ValueTask<ArticleText?> GetAsync(int articleId, CancellationToken cancellationToken);

    /// <summary>Stores or replaces each text; a text whose article is gone (pruned meanwhile) is dropped.</summary>
    ValueTask SaveAsync(IReadOnlyList<ArticleText> texts, CancellationToken cancellationToken);
}
