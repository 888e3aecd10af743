namespace NewsBot.Core.Delivery;

/// <summary>
/// One message on its way to one chat. It is written before anything is sent, under a
/// <see cref="DedupKey"/> unique in the outbox, so enqueueing the same thing twice adds it once.
/// </summary>
/// <param name="Kind">What the message carries.</param>
/// <param name="DedupKey">Unique per message; built with <see cref="OutboxKeys"/>.</param>
/// <param name="StoryIds">Story entries: the stories carried (several when a burst is grouped). Empty otherwise.</param>
/// <param name="ArticleIds">Story entries: the article shown for each story, in the same order. Empty otherwise.</param>
/// <param name="Reference">The announcement id (Announcement), the subscription id (Digest) or the event the notice is about (AdminNotice); null for stories.</param>
/// <param name="NextAttemptAt">When it may be sent next; null once it is no longer pending.</param>
public sealed record OutboxEntry(
    long Id,
    string ChatKey,
    OutboxKind Kind,
    string DedupKey,
    IReadOnlyList<int> StoryIds,
    IReadOnlyList<int> ArticleIds,
    string? Reference,
    OutboxState State,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt)
{
    /// <summary>Admin notices: the words to send, fixed when queued since nothing could render them later. Null for every other kind.</summary>
    public string? Text { get; init; }

    /// <summary>Story entries: sent without a sound (every subscription that brought its stories is silent).</summary>
    public bool Silent { get; init; }

    /// <summary>Story entries: the Discord roles the message mentions, one per subscription that asks for a ping.</summary>
    public IReadOnlyList<string> Mentions { get; init; } = [];

    /// <summary>A new pending entry with stories for a chat.</summary>
    public static OutboxEntry ForStories(string chatKey, string dedupKey, IReadOnlyList<int> storyIds, IReadOnlyList<int> articleIds, DateTimeOffset now, DateTimeOffset notBefore) =>
        new(0, chatKey, OutboxKind.Story, dedupKey, storyIds, articleIds, null, OutboxState.Pending, 0, notBefore, null, now, null);

    /// <summary>A new pending digest or announcement entry; what it says is composed when it is sent.</summary>
    public static OutboxEntry ForComposed(string chatKey, OutboxKind kind, string dedupKey, string reference, DateTimeOffset now, DateTimeOffset? notBefore = null) =>
        new(0, chatKey, kind, dedupKey, [], [], reference, OutboxState.Pending, 0, notBefore ?? now, null, now, null);

    /// <summary>A new pending admin notice, due at once.</summary>
    public static OutboxEntry ForNotice(string chatKey, string dedupKey, string reference, string text, DateTimeOffset now) =>
        new(0, chatKey, OutboxKind.AdminNotice, dedupKey, [], [], reference, OutboxState.Pending, 0, now, null, now, null) { Text = text };
}
