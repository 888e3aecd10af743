namespace NewsBot.Core.Delivery;

/// <summary>How fast one platform may be sent to: overall, per chat, and per group or channel.</summary>
/// <param name="GlobalPerSecond">Messages per second across all chats (Telegram ~30).</param>
/// <param name="PerChatPerSecond">Messages per second to one chat (Telegram ~1).</param>
/// <param name="PerGroupPerMinute">Messages per minute to one group or channel (Telegram 20).</param>
public sealed record PacingLimits(double GlobalPerSecond, double PerChatPerSecond, double PerGroupPerMinute);
