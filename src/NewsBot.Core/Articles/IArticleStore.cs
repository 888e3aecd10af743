namespace NewsBot.Core.Articles;

/// <summary>
/// The durable article collection. Calls return <see cref="ValueTask"/>: an embedded database
/// completes them at once without allocating, a networked one does real I/O.
/// </summary>
public interface IArticleStore
{
    /// <summary>Stores the drafts whose item key, URL and title key are all new, in one transaction.</summary>
    ValueTask<AddResult> AddNewAsync(IReadOnlyList<ArticleDraft> drafts, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a batch of adds committed together (<see cref="IArticleBatch"/>). One batch is open
    /// at a time; another, and a plain <see cref="AddNewAsync"/>, wait until it is disposed.
    /// </summary>
    /// <param name="toAdd">The drafts the batch is about to add (their stories may still change), for looking up what is stored of them all at once.</param>
    /// <param name="newSources">
    /// Sources none of whose articles is stored, as the caller's index knows: their drafts are
    /// looked up by link only, item and title keys being kept per source. Should one have articles
    /// stored after all, the unique item key fails the commit; the caller then stores again
    /// without naming it here.
    /// </param>
    ValueTask<IArticleBatch> BeginBatchAsync(IReadOnlyCollection<ArticleDraft> toAdd, IReadOnlySet<int> newSources, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes articles published before <paramref name="cutoff"/>, except those whose item key is
    /// in <paramref name="keep"/> (still listed by their feed); returns the deleted ids.
    /// </summary>
    ValueTask<IReadOnlyList<int>> DeleteOlderThanAsync(DateTimeOffset cutoff, IReadOnlySet<string> keep, CancellationToken cancellationToken);

    ValueTask<Article?> GetAsync(int id, CancellationToken cancellationToken);

    /// <summary>Notes that another source published this article's very link.</summary>
    ValueTask AddAlsoInAsync(int id, string sourceName, CancellationToken cancellationToken);

    /// <summary>The later reports of the story this article leads, oldest first.</summary>
    ValueTask<IReadOnlyList<Article>> StoryMembersAsync(int leadId, CancellationToken cancellationToken);

    /// <summary>The articles with these ids, in the order given; unknown ids are skipped.</summary>
    ValueTask<IReadOnlyList<Article>> GetManyAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken);

    /// <summary>Every article, oldest id first, for building the in-memory index at start.</summary>
    IAsyncEnumerable<Article> ReadAllAsync(CancellationToken cancellationToken);

    ValueTask<int> CountAsync(CancellationToken cancellationToken);
}
