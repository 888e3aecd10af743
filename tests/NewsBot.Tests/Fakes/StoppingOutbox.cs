using NewsBot.Core.Delivery;

namespace NewsBot.Tests.Fakes;

/// <summary>The outbox, except that one planned write fails, as if the bot had stopped just before it.</summary>
public sealed class StoppingOutbox(IOutboxStore inner, int failingWrite) : IOutboxStore
{
    private int _plannedWrites;

    public int EnqueuePlanned(IReadOnlyList<OutboxEntry> entries, int plannedThroughArticleId) =>
        ++_plannedWrites == failingWrite
            ? throw new IOException("The bot stopped.")
            : inner.EnqueuePlanned(entries, plannedThroughArticleId);

    public int Enqueue(IReadOnlyList<OutboxEntry> entries) => inner.Enqueue(entries);

    public IReadOnlyList<OutboxEntry> Due(string platform, DateTimeOffset now, int limit) => inner.Due(platform, now, limit);

    public void MarkSent(IReadOnlyCollection<long> ids, DateTimeOffset at) => inner.MarkSent(ids, at);

    public void Reschedule(IReadOnlyCollection<long> ids, DateTimeOffset at, string? error, bool countAttempt) => inner.Reschedule(ids, at, error, countAttempt);

    public void Drop(IReadOnlyCollection<long> ids, string reason) => inner.Drop(ids, reason);

    public void Fail(IReadOnlyCollection<long> ids, string reason) => inner.Fail(ids, reason);

    public int DropPending(string chatKey, string reason) => inner.DropPending(chatKey, reason);

    public OutboxEntry? Find(string chatKey, int storyId) => inner.Find(chatKey, storyId);

    public int CountPending() => inner.CountPending();

    public OutboxCounts CountFor(OutboxKind kind, string reference) => inner.CountFor(kind, reference);

    public int PlannedThrough() => inner.PlannedThrough();

    public IEnumerable<(string ChatKey, IReadOnlyList<int> StoryIds, DateTimeOffset CreatedAt)> StoriesQueuedSince(DateTimeOffset since) => inner.StoriesQueuedSince(since);

    public int DeleteFinishedBefore(DateTimeOffset before) => inner.DeleteFinishedBefore(before);
}
