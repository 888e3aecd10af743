namespace NewsBot.Core.Delivery;

/// <summary>The durable queue of pushes.</summary>
public interface IOutboxStore
{
    /// <summary>Adds the entries whose <see cref="OutboxEntry.DedupKey"/> is not there yet, in one transaction; returns how many were added.</summary>
    ValueTask<int> EnqueueAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken);

    /// <summary>Pending entries for one platform whose time has come, oldest due first.</summary>
    ValueTask<IReadOnlyList<OutboxEntry>> DueAsync(string platform, DateTimeOffset now, int limit, CancellationToken cancellationToken);

    ValueTask MarkSentAsync(IReadOnlyCollection<long> ids, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Tries again at <paramref name="at"/>; counts an attempt unless the wait was the platform's flood limit.</summary>
    ValueTask RescheduleAsync(IReadOnlyCollection<long> ids, DateTimeOffset at, string? error, bool countAttempt, CancellationToken cancellationToken);

    /// <summary>Nothing to send any more (<see cref="OutboxState.Dropped"/>).</summary>
    ValueTask DropAsync(IReadOnlyCollection<long> ids, string reason, CancellationToken cancellationToken);

    /// <summary>Given up after errors (<see cref="OutboxState.Failed"/>).</summary>
    ValueTask FailAsync(IReadOnlyCollection<long> ids, string reason, CancellationToken cancellationToken);

    /// <summary>Marks every pending entry of a chat <see cref="OutboxState.Blocked"/> (it blocked the bot, is gone or inactive); returns how many.</summary>
    ValueTask<int> DropPendingAsync(string chatKey, string reason, CancellationToken cancellationToken);

    /// <summary>Makes every pending entry of a chat due at <paramref name="at"/> at the latest (a paused chat takes messages again); returns how many moved.</summary>
    ValueTask<int> ReleasePendingAsync(string chatKey, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The story entry that carried (or will carry) this story to this chat, if any.</summary>
    ValueTask<OutboxEntry?> FindAsync(string chatKey, int storyId, CancellationToken cancellationToken);

    ValueTask<int> CountPendingAsync(CancellationToken cancellationToken);

    /// <summary>How the entries of one kind with this reference (announcement or subscription id) fared.</summary>
    ValueTask<OutboxCounts> CountForAsync(OutboxKind kind, string reference, CancellationToken cancellationToken);

    /// <summary>
    /// The id of the last article the planner has planned pushes for. The first time (no
    /// position stored yet) it is the newest stored article, and is stored: nothing older is pushed.
    /// </summary>
    ValueTask<int> PlannedThroughAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Adds the entries as <see cref="EnqueueAsync"/> does and moves the planner's position to
    /// <paramref name="plannedThroughArticleId"/> in the same transaction, so that after a crash
    /// either both happened or neither did.
    /// </summary>
    ValueTask<int> EnqueuePlannedAsync(IReadOnlyList<OutboxEntry> entries, int plannedThroughArticleId, CancellationToken cancellationToken);

    /// <summary>The stories of story entries created at or after <paramref name="since"/>, per chat (for rebuilding <see cref="QueuedStories"/>).</summary>
    IAsyncEnumerable<(string ChatKey, IReadOnlyList<int> StoryIds, DateTimeOffset CreatedAt)> StoriesQueuedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Deletes entries that are no longer pending and were created before <paramref name="before"/>; returns how many.</summary>
    ValueTask<int> DeleteFinishedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
