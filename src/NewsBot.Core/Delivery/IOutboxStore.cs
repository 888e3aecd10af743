namespace NewsBot.Core.Delivery;

/// <summary>The durable queue of pushes.</summary>
public interface IOutboxStore
{
    /// <summary>Adds the entries whose <see cref="OutboxEntry.DedupKey"/> is not there yet, in one transaction; returns how many were added.</summary>
    int Enqueue(IReadOnlyList<OutboxEntry> entries);

    /// <summary>Pending entries for one platform whose time has come, oldest due first.</summary>
    IReadOnlyList<OutboxEntry> Due(string platform, DateTimeOffset now, int limit);

    void MarkSent(IReadOnlyCollection<long> ids, DateTimeOffset at);

    /// <summary>Tries again at <paramref name="at"/>; counts an attempt unless the wait was the platform's flood limit.</summary>
    void Reschedule(IReadOnlyCollection<long> ids, DateTimeOffset at, string? error, bool countAttempt);

    /// <summary>Nothing to send any more (<see cref="OutboxState.Dropped"/>).</summary>
    void Drop(IReadOnlyCollection<long> ids, string reason);

    /// <summary>Given up after errors (<see cref="OutboxState.Failed"/>).</summary>
    void Fail(IReadOnlyCollection<long> ids, string reason);

    /// <summary>Marks every pending entry of a chat <see cref="OutboxState.Blocked"/> (it blocked the bot, is gone or inactive); returns how many.</summary>
    int DropPending(string chatKey, string reason);

    /// <summary>The story entry that carried (or will carry) this story to this chat, if any.</summary>
    OutboxEntry? Find(string chatKey, int storyId);

    int CountPending();

    /// <summary>How the entries of one kind with this reference (announcement or subscription id) fared.</summary>
    OutboxCounts CountFor(OutboxKind kind, string reference);

    /// <summary>
    /// The id of the last article the planner has planned pushes for. The first time (no
    /// position stored yet) it is the newest stored article, and is stored: nothing older is pushed.
    /// </summary>
    int PlannedThrough();

    /// <summary>
    /// Adds the entries as <see cref="Enqueue"/> does and moves the planner's position to
    /// <paramref name="plannedThroughArticleId"/> in the same transaction, so that after a crash
    /// either both happened or neither did.
    /// </summary>
    int EnqueuePlanned(IReadOnlyList<OutboxEntry> entries, int plannedThroughArticleId);

    /// <summary>The stories of story entries created at or after <paramref name="since"/>, per chat (for rebuilding <see cref="QueuedStories"/>).</summary>
    IEnumerable<(string ChatKey, IReadOnlyList<int> StoryIds, DateTimeOffset CreatedAt)> StoriesQueuedSince(DateTimeOffset since);

    /// <summary>Deletes entries that are no longer pending and were created before <paramref name="before"/>; returns how many.</summary>
    int DeleteFinishedBefore(DateTimeOffset before);
}
