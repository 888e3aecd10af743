namespace NewsBot.Platforms.Discord.Rest;

/// <summary>The parts of a channel NewsBot reads.</summary>
internal sealed record DiscordChannel(string Id, int Type)
{
    public const int AnnouncementType = 5;

    public bool IsAnnouncement => Type == AnnouncementType;
}
