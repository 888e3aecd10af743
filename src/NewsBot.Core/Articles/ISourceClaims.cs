namespace NewsBot.Core.Articles;

/// <summary>
/// Shares the reading of sources among the instances on one database: each claims the sources
/// that are due, a few at a time, and no other instance reads a claimed source until its claim
/// runs out (it was read meanwhile, so it is no longer due; or its instance died, and another
/// takes it).
/// </summary>
public interface ISourceClaims
{
    /// <summary>
    /// Up to <paramref name="limit"/> enabled sources due at <paramref name="now"/> that nobody
    /// has claimed, most overdue first, now claimed by <paramref name="owner"/> for
    /// <paramref name="claimFor"/>.
    /// </summary>
    ValueTask<IReadOnlyList<FeedSource>> ClaimDueAsync(string owner, DateTimeOffset now, int limit, TimeSpan claimFor, CancellationToken cancellationToken);

    /// <summary>
    /// Ends <paramref name="owner"/>'s claims on <paramref name="sourceIds"/> once they are read
    /// and stored (each is no longer due then), so the next time one is due any instance may
    /// read it, however soon that is.
    /// </summary>
    ValueTask ReleaseAsync(string owner, IReadOnlyList<int> sourceIds, CancellationToken cancellationToken);
}
