namespace NewsBot.Core.Digests;

/// <summary>The persisted <see cref="DigestCursor"/> of each daily subscription.</summary>
public interface IDigestCursorStore
{
    DigestCursor? Find(int subscriptionId);

    /// <summary>Stores the cursors, replacing earlier ones of the same subscriptions, in one transaction.</summary>
    void Save(IReadOnlyList<DigestCursor> cursors);
}
