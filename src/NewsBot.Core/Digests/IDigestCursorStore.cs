namespace NewsBot.Core.Digests;

/// <summary>The persisted <see cref="DigestCursor"/> of each daily subscription.</summary>
public interface IDigestCursorStore
{
    ValueTask<DigestCursor?> FindAsync(int subscriptionId, CancellationToken cancellationToken);

    /// <summary>Stores the cursors, replacing earlier ones of the same subscriptions, in one transaction.</summary>
    ValueTask SaveAsync(IReadOnlyList<DigestCursor> cursors, CancellationToken cancellationToken);
}
