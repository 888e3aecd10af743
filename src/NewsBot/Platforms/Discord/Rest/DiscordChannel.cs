namespace NewsBot.Platforms.Discord.Rest;

/// <summary>The parts of a channel NewsBot reads.</summary>
internal sealed record DiscordChannel(string Id, int Type, string? Name)
{
    public const int GuildTextType = 0;
    public const int DirectMessageType = 1;
    public const int AnnouncementType = 5;

    public bool IsAnnouncement => Type == AnnouncementType;
}
