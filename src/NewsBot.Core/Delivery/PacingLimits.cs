namespace NewsBot.Core.Delivery;

/// <summary>How fast one platform may be sent to: overall, per chat, and per group or channel.</summary>
/// <param name="GlobalPerSecond">Messages per second across all chats (Telegram ~30).</param>
/// <param name="PerChatPerSecond">Messages per second to one chat (Telegram ~1).</param>
/// <param name="PerGroupPerMinute">Messages per minute to one group or channel (Telegram 20).</param>
public sealed record PacingLimits(double GlobalPerSecond, double PerChatPerSecond, double PerGroupPerMinute)
{
    public static readonly PacingLimits Telegram = new(30, 1, 20);

    /// <summary>Discord: 50 requests/s for the bot; channels have their own buckets of 5 per 5 s.</summary>
    public static readonly PacingLimits Discord = new(40, 1, 50);
}
