namespace NewsBot.Tests.Fakes;

/// <summary>Announcement channels as a test sets them.</summary>
public sealed class FixedAnnouncementChannels : IAnnouncementChannels
{
    public List<ChatAddress> Channels { get; } = [];

    public IReadOnlyList<ChatAddress> All => Channels;
}
