namespace NewsBot.Core.Changes;

/// <summary>
/// The changes the instances sharing a database made to what each of them holds in memory,
/// numbered in commit order, so an instance that follows them (and catches up by number after a
/// start or a lost connection) holds what the database holds.
/// </summary>
public interface IChangeFeed
{
    /// <summary>The number of the newest change; an instance that has read the database after this follows from here.</summary>
    ValueTask<long> NewestAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> changes after <paramref name="number"/>, oldest first.</summary>
    ValueTask<IReadOnlyList<StoreChange>> AfterAsync(long number, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Waits until another change may have been made, or at most <paramref name="longest"/>:
    /// the database says so when a change commits; the wait ends early when the connection that
    /// listens is lost, and the caller catches up by number then.
    /// </summary>
    Task WaitAsync(TimeSpan longest, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="limit"/> of the oldest changes made longer than
    /// <paramref name="age"/> ago by the database's clock, never the newest one; returns how many went.
    /// </summary>
    ValueTask<int> PruneAsync(TimeSpan age, int limit, CancellationToken cancellationToken);

    /// <summary>The number of the newest change deleted by <see cref="PruneAsync"/>; 0 while none was.</summary>
    ValueTask<long> PrunedThroughAsync(CancellationToken cancellationToken);
}
