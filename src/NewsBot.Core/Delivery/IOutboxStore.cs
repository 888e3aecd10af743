namespace NewsBot.Core.Delivery;

/// <summary>The durable queue of pushes.</summary>
public interface IOutboxStore
{
    /// <summary>Adds the entries whose (chat, story) is not there yet, in one transaction; returns how many were added.</summary>
    int Enqueue(IReadOnlyList<OutboxEntry> entries);

    /// <summary>Pending entries for one platform whose time has come, oldest due first.</summary>
    IReadOnlyList<OutboxEntry> Due(string platform, DateTimeOffset now, int limit);

    void MarkSent(IReadOnlyCollection<long> ids, DateTimeOffset at);

    /// <summary>Tries again at <paramref name="at"/>; counts an attempt unless the wait was the platform's flood limit.</summary>
    void Reschedule(IReadOnlyCollection<long> ids, DateTimeOffset at, string? error, bool countAttempt);

    void Drop(IReadOnlyCollection<long> ids, string reason);

    /// <summary>Drops every pending entry of a chat (it blocked the bot, or is gone); returns how many.</summary>
    int DropPending(string chatKey, string reason);

    OutboxEntry? Find(string chatKey, int storyId);

    int CountPending();
}
