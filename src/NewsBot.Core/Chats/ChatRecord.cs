namespace NewsBot.Core.Chats;

/// <summary>What the bot remembers about a chat.</summary>
/// <param name="Quiet">The daily window in which instant pushes wait, in the chat's time zone; null when none.</param>
/// <param name="AnnouncementsMuted">The chat asked not to receive announcements.</param>
/// <param name="Language">
/// The language code pushes, digests and announcements to the chat are written in (<c>de</c>,
/// <c>pt-BR</c>); null until one is known, which means English.
/// </param>
public sealed record ChatRecord(
    string Key,
    string Platform,
    ChatKind Kind,
    string? Title,
    string? TimeZone,
    bool Active,
    string? InactiveReason,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    QuietHours? Quiet = null,
    bool AnnouncementsMuted = false,
    string? Language = null)
{
    /// <summary>Groups, channels, server channels and forum topics, which platforms pace more slowly than private chats.</summary>
    public bool IsGroup => Kind is ChatKind.Group or ChatKind.Channel or ChatKind.GuildChannel or ChatKind.ForumTopic;

    /// <summary>The chat's time zone, UTC when none is set or the stored one is unknown here.</summary>
    public TimeZoneInfo Zone => TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
