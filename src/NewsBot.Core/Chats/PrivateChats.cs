namespace NewsBot.Core.Chats;

/// <summary>
/// Where a person is reached privately. On Telegram a private chat has the person's own id; on
/// Discord direct messages are keyed <c>discord:dm:&lt;user id&gt;</c>, because the DM channel's
/// id is Discord's to hand out.
/// </summary>
public static class PrivateChats
{
    public const string DiscordDirectPrefix = "dm:";

    public static ChatAddress Of(UserAddress user) =>
        string.Equals(user.Platform, PlatformNames.Discord, StringComparison.Ordinal)
            ? new ChatAddress(user.Platform, DiscordDirectPrefix + user.Id)
            : new ChatAddress(user.Platform, user.Id);
}
