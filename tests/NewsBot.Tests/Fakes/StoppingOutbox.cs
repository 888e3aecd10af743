namespace NewsBot.Tests.Fakes;

/// <summary>The outbox, except that one planned write fails, as if the bot had stopped just before it.</summary>
public sealed class StoppingOutbox(IOutboxStore inner, int failingWrite) : IOutboxStore
{
    private int _plannedWrites;

    public ValueTask<int> EnqueuePlannedAsync(IReadOnlyList<OutboxEntry> entries, int plannedThroughArticleId, CancellationToken cancellationToken) =>
        ++_plannedWrites == failingWrite
            ? throw new IOException("The bot stopped.")
            : inner.EnqueuePlannedAsync(entries, plannedThroughArticleId, cancellationToken);

    public ValueTask<int> EnqueueAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken) => inner.EnqueueAsync(entries, cancellationToken);

    public ValueTask<IReadOnlyList<OutboxEntry>> DueAsync(string platform, DateTimeOffset now, int limit, CancellationToken cancellationToken) => inner.DueAsync(platform, now, limit, cancellationToken);

    public ValueTask MarkSentAsync(IReadOnlyCollection<long> ids, DateTimeOffset at, CancellationToken cancellationToken) => inner.MarkSentAsync(ids, at, cancellationToken);

    public ValueTask RescheduleAsync(IReadOnlyCollection<long> ids, DateTimeOffset at, string? error, bool countAttempt, CancellationToken cancellationToken) => inner.RescheduleAsync(ids, at, error, countAttempt, cancellationToken);

    public ValueTask DropAsync(IReadOnlyCollection<long> ids, string reason, CancellationToken cancellationToken) => inner.DropAsync(ids, reason, cancellationToken);

    public ValueTask FailAsync(IReadOnlyCollection<long> ids, string reason, CancellationToken cancellationToken) => inner.FailAsync(ids, reason, cancellationToken);

    public ValueTask<int> DropPendingAsync(string chatKey, string reason, CancellationToken cancellationToken) => inner.DropPendingAsync(chatKey, reason, cancellationToken);

    public ValueTask<int> ReleasePendingAsync(string chatKey, DateTimeOffset at, CancellationToken cancellationToken) => inner.ReleasePendingAsync(chatKey, at, cancellationToken);

    public ValueTask<OutboxEntry?> FindAsync(string chatKey, int storyId, CancellationToken cancellationToken) => inner.FindAsync(chatKey, storyId, cancellationToken);

    public ValueTask<int> CountPendingAsync(CancellationToken cancellationToken) => inner.CountPendingAsync(cancellationToken);

    public ValueTask<OutboxCounts> CountForAsync(OutboxKind kind, string reference, CancellationToken cancellationToken) => inner.CountForAsync(kind, reference, cancellationToken);

    public ValueTask<int> PlannedThroughAsync(CancellationToken cancellationToken) => inner.PlannedThroughAsync(cancellationToken);

    public IAsyncEnumerable<(string ChatKey, IReadOnlyList<int> StoryIds, DateTimeOffset CreatedAt)> StoriesQueuedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) => inner.StoriesQueuedSinceAsync(since, cancellationToken);

    public ValueTask<int> DeleteFinishedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) => inner.DeleteFinishedBeforeAsync(before, cancellationToken);
}
