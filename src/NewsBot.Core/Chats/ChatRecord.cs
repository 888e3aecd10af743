namespace NewsBot.Core.Chats;

/// <summary>What the bot remembers about a chat.</summary>
public sealed record ChatRecord(
    string Key,
    string Platform,
    ChatKind Kind,
    string? Title,
    string? TimeZone,
    bool Active,
    string? InactiveReason,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen);
