namespace NewsBot.Core.Delivery;

/// <summary>
/// One story on its way to one chat. The entry is written before anything is sent, under a
/// key unique per (chat, story), so a chat gets each story at most once whatever happens.
/// </summary>
public sealed record OutboxEntry(
    long Id,
    string ChatKey,
    int StoryId,
    int ArticleId,
    OutboxState State,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt)
{
    public string DedupKey => KeyFor(ChatKey, StoryId);

    public static string KeyFor(string chatKey, int storyId) =>
        $"{chatKey}|story:{storyId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

public enum OutboxState
{
    Pending,
    Sent,
    Dropped,
}
