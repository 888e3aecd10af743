namespace NewsBot.Core.Announcements;

/// <summary>The channels configured per platform to receive every announcement too (<c>Telegram:AnnouncementChannels</c>, <c>Discord:AnnouncementChannels</c>).</summary>
public interface IAnnouncementChannels
{
    IReadOnlyList<ChatAddress> All { get; }
}
