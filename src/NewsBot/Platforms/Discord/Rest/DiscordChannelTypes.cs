namespace NewsBot.Platforms.Discord.Rest;

/// <summary>The channel types NewsBot treats apart.</summary>
internal static class DiscordChannelTypes
{
    public const int Text = 0;
    public const int Announcement = 5;
    public const int AnnouncementThread = 10;
    public const int PublicThread = 11;
    public const int PrivateThread = 12;
    public const int Forum = 15;
    public const int Media = 16;

    /// <summary>A thread: a channel of its own inside a text, announcement, forum or media channel.</summary>
    public static bool IsThread(int type) => type is AnnouncementThread or PublicThread or PrivateThread;

    /// <summary>A channel that holds only posts (threads): a message to it starts a new post.</summary>
    public static bool IsForum(int type) => type is Forum or Media;
}
