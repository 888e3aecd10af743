namespace NewsBot.Core.Articles;

/// <summary>
/// The durable article collection. Calls are synchronous: the store is an embedded database
/// with no asynchronous I/O, and wrapping it in tasks would only add allocations.
/// </summary>
public interface IArticleStore
{
    /// <summary>Stores the drafts whose URL and item key are both new, in one transaction; returns them with their ids.</summary>
    IReadOnlyList<Article> AddNew(IReadOnlyList<ArticleDraft> drafts);

    Article? Get(int id);

    /// <summary>The articles with these ids, in the order given; unknown ids are skipped.</summary>
    IReadOnlyList<Article> GetMany(IReadOnlyList<int> ids);

    /// <summary>Every article, oldest id first, for building the in-memory index at start.</summary>
    IEnumerable<Article> ReadAll();

    int Count();
}
