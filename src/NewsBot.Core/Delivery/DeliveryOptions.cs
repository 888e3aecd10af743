namespace NewsBot.Core.Delivery;

/// <summary>The <c>Delivery</c> configuration section: how fast pushes may go out.</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>Telegram's published ceilings: about 30 messages/s overall, 1/s per chat, 20/min per group.</summary>
    public PlatformPacing Telegram { get; set; } = new() { MessagesPerSecond = 30, PerChatPerSecond = 1, PerGroupPerMinute = 20 };

    /// <summary>Below Discord's 50 requests/s for a bot and its 5 per 5 s per channel.</summary>
    public PlatformPacing Discord { get; set; } = new() { MessagesPerSecond = 40, PerChatPerSecond = 1, PerGroupPerMinute = 50 };

    /// <summary>Sends waiting for an answer at once, per platform. A few hide the platform's latency; one keeps strict order.</summary>
    public int MaxConcurrentSends { get; set; } = 8;

    /// <summary>Due entries read from the outbox per round.</summary>
    public int BatchSize { get; set; } = 500;

    public PacingLimits LimitsFor(string platform) => platform switch
    {
        PlatformNames.Telegram => Telegram.ToLimits(),
        PlatformNames.Discord => Discord.ToLimits(),
        _ => new PacingLimits(100, 10, 600),
    };
}

/// <summary>One platform's ceilings under the <c>Delivery</c> section.</summary>
public sealed class PlatformPacing
{
    /// <summary>Messages per second across all chats.</summary>
    public double MessagesPerSecond { get; set; }

    /// <summary>Messages per second to one private chat.</summary>
    public double PerChatPerSecond { get; set; }

    /// <summary>Messages per minute to one group, channel or server channel.</summary>
    public double PerGroupPerMinute { get; set; }

    public PacingLimits ToLimits() => new(MessagesPerSecond, PerChatPerSecond, PerGroupPerMinute);
}
