namespace NewsBot.Platforms.Discord;

/// <summary>
/// Where a Discord chat key points: a server channel or thread by its id, a forum or media
/// channel whose every push is a new post (<see cref="IsForum"/>), or a person's DMs by their user id.
/// </summary>
internal sealed record DiscordTarget(string? ChannelId, string? UserId, bool IsForum = false)
{
    public bool IsDirect => UserId is not null;
}

/// <summary>
/// Discord chat keys. A server channel, or a thread (a channel of its own), is
/// <c>discord:&lt;channel id&gt;</c>; a forum or media channel, where each push starts a post,
/// is <c>discord:forum:&lt;channel id&gt;</c>; a person's direct messages are
/// <c>discord:dm:&lt;user id&gt;</c>, because the DM channel id is Discord's to hand out (and can
/// be asked for again), while the person is what a subscription belongs to.
/// </summary>
internal static class DiscordChats
{
    public const string DirectPrefix = PrivateChats.DiscordDirectPrefix;
    public const string ForumPrefix = "forum:";

    public static ChatAddress Channel(string channelId) => new(PlatformNames.Discord, channelId);

    public static ChatAddress Forum(string channelId) => new(PlatformNames.Discord, ForumPrefix + channelId);

    public static ChatAddress Direct(string userId) => PrivateChats.Of(User(userId));

    public static UserAddress User(string userId) => new(PlatformNames.Discord, userId);

    /// <summary>The target of a chat key, or null when it is not a Discord key of either form.</summary>
    public static DiscordTarget? Parse(ChatAddress chat)
    {
        if (!string.Equals(chat.Platform, PlatformNames.Discord, StringComparison.Ordinal))
        {
            return null;
        }

        var id = chat.Id;
        if (id.StartsWith(DirectPrefix, StringComparison.Ordinal))
        {
            var user = id[DirectPrefix.Length..];
            return IsSnowflake(user) ? new DiscordTarget(null, user) : null;
        }

        if (id.StartsWith(ForumPrefix, StringComparison.Ordinal))
        {
            var forum = id[ForumPrefix.Length..];
            return IsSnowflake(forum) ? new DiscordTarget(forum, null, IsForum: true) : null;
        }

        return IsSnowflake(id) ? new DiscordTarget(id, null) : null;
    }

    public static bool IsSnowflake(string? value) =>
        value is { Length: > 0 and <= 20 } && value.All(char.IsAsciiDigit);
}
