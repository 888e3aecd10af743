namespace NewsBot.Core.Delivery;

/// <summary>
/// The dedup keys of outbox entries. Each starts with the chat key and a bar, so one chat's
/// entries are found by prefix.
/// </summary>
public static class OutboxKeys
{
    /// <summary>A chat's stories planned together; <paramref name="firstArticleId"/> is the first of their articles.</summary>
    public static string Stories(string chatKey, int firstArticleId) =>
        $"{chatKey}|stories:{firstArticleId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>One digest of one subscription on one local day: sent at most once a day.</summary>
    public static string Digest(string chatKey, int subscriptionId, DateOnly localDate) =>
        $"{chatKey}|digest:{subscriptionId.ToString(CultureInfo.InvariantCulture)}:{localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>One announcement to one chat.</summary>
    public static string Announcement(string chatKey, string announcementId) =>
        $"{chatKey}|announcement:{announcementId}";

    /// <summary>One notice about one event to one admin's chat: a second notice about that event adds nothing.</summary>
    public static string AdminNotice(string chatKey, string eventKey) =>
        $"{chatKey}|admin-notice:{eventKey}";

    /// <summary>The prefix every key of this chat starts with.</summary>
    public static string ChatPrefix(string chatKey) => chatKey + "|";
}
