namespace NewsBot.Core.Articles;

/// <summary>
/// The durable article collection. Calls are synchronous: the store is an embedded database
/// with no asynchronous I/O, and wrapping it in tasks would only add allocations.
/// </summary>
public interface IArticleStore
{
    /// <summary>Stores the drafts whose item key, URL and title key are all new, in one transaction.</summary>
    AddResult AddNew(IReadOnlyList<ArticleDraft> drafts);

    /// <summary>
    /// Deletes articles published before <paramref name="cutoff"/>, except those whose item key is
    /// in <paramref name="keep"/> (still listed by their feed); returns the deleted ids.
    /// </summary>
    IReadOnlyList<int> DeleteOlderThan(DateTimeOffset cutoff, IReadOnlySet<string> keep);

    Article? Get(int id);

    /// <summary>Marks an article as a later report of the story led by <paramref name="storyId"/>.</summary>
    void SetStory(int id, int storyId);

    /// <summary>Notes that another source published this article's very link.</summary>
    void AddAlsoIn(int id, string sourceName);

    /// <summary>The later reports of the story this article leads, oldest first.</summary>
    IReadOnlyList<Article> StoryMembers(int leadId);

    /// <summary>The articles with these ids, in the order given; unknown ids are skipped.</summary>
    IReadOnlyList<Article> GetMany(IReadOnlyList<int> ids);

    /// <summary>Every article, oldest id first, for building the in-memory index at start.</summary>
    IEnumerable<Article> ReadAll();

    int Count();
}
