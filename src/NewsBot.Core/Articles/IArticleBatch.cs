namespace NewsBot.Core.Articles;

/// <summary>
/// Several sources' new articles written as one: each <see cref="AddNewAsync"/> gives its
/// articles their ids at once and counts them as stored for the calls after it, but they are
/// stored, and seen by anyone else, only when <see cref="CommitAsync"/> returns. Disposed
/// without a commit (or after a failed one), none of them is stored.
/// </summary>
/// <remarks>
/// One commit for several sources instead of one each: an embedded database writes the pages
/// of its indexes again at every commit, and most of a commit's cost is those pages.
/// </remarks>
public interface IArticleBatch : IAsyncDisposable
{
    /// <summary>As <see cref="IArticleStore.AddNewAsync"/>, checked against what is stored and what this batch added before.</summary>
    ValueTask<AddResult> AddNewAsync(IReadOnlyList<ArticleDraft> drafts, CancellationToken cancellationToken);

    /// <summary>Stores every article the batch added, all or none.</summary>
    ValueTask CommitAsync(CancellationToken cancellationToken);
}
