namespace NewsBot.Core.Announcements;

/// <summary>The chats that hear announcements, read in one query rather than a lookup per chat (there may be 100,000).</summary>
public interface IAnnouncementListeners
{
    /// <summary>The keys of the platform's active chats that have not turned announcements off.</summary>
    IReadOnlyList<string> ChatKeys(string platform);
}
