namespace NewsBot.Tests.Delivery;

/// <summary>What the pacing tests start from: the test clock's start, and Telegram's ceilings as the options give them by default.</summary>
internal static class DefaultPacing
{
    public static DateTimeOffset Now => TestBot.Now;

    public static PacingLimits TelegramLimits { get; } = new DeliveryOptions().LimitsFor("telegram");
}
