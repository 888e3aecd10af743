namespace NewsBot.Storage;

/// <summary>How a chat read from either database becomes a <see cref="ChatRecord"/>: both keep the kind and the quiet hours as text.</summary>
internal static class StoredChats
{
    /// <summary>An unknown kind reads as private, unreadable quiet hours as none; the platform name is shared, not one string per chat.</summary>
    public static ChatRecord ToRecord(
        string key, string platform, string kind, string? title, string? timeZone, bool active, string? inactiveReason,
        DateTimeOffset firstSeen, DateTimeOffset lastSeen, string? quiet, bool announcementsMuted, string? language,
        string? pausedReason = null, DateTimeOffset? pausedAt = null) =>
        new(
            key, Shared(platform), Enum.TryParse<ChatKind>(kind, out var chatKind) ? chatKind : ChatKind.Private,
            title, timeZone, active, inactiveReason, firstSeen, lastSeen,
            quiet is { } text && QuietHours.TryParse(text, out var hours) ? hours : null,
            announcementsMuted,
            language)
        {
            Pause = pausedReason is not null ? new ChatPause(pausedReason, pausedAt ?? firstSeen) : null,
        };

    // One instance per platform name rather than one per chat held in memory.
    private static string Shared(string platform) => platform switch
    {
        PlatformNames.Telegram => PlatformNames.Telegram,
        PlatformNames.Discord => PlatformNames.Discord,
        PlatformNames.Terminal => PlatformNames.Terminal,
        _ => platform,
    };
}
