namespace NewsBot.Core.Chats;

/// <summary>The platform names used in chat and user keys.</summary>
public static class PlatformNames
{
    public const string Telegram = "telegram";
    public const string Discord = "discord";
    public const string Terminal = "terminal";
}
