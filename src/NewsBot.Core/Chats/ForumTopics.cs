namespace NewsBot.Core.Chats;

/// <summary>
/// A topic of a forum group (a Telegram forum topic) is a chat address of its own, the group's
/// id and the topic's after a colon (<c>telegram:-100123:45</c>), so subscriptions, the outbox,
/// the queued-story sets and <c>/why</c> treat it as any chat, and losing it loses nothing of the
/// group's other topics. It has no settings of its own: its time zone, quiet hours, language and
/// announcement choice are the group's, and it is active only while the group is. The platform
/// counts its limit per group, so a topic is paced as its group (<see cref="PacingKeyOf"/>).
/// </summary>
public static class ForumTopics
{
    private const char Separator = ':';

    /// <summary>The address of a topic of <paramref name="group"/>.</summary>
    public static ChatAddress Of(ChatAddress group, string topicId) => new(group.Platform, group.Id + Separator + topicId);

    /// <summary>Whether the address is a topic, and of which group.</summary>
    public static bool TryGetGroup(ChatAddress chat, out ChatAddress group)
    {
        var colon = chat.Id.IndexOf(Separator, StringComparison.Ordinal);
        if (colon <= 0 || colon == chat.Id.Length - 1)
        {
            group = default;
            return false;
        }

        group = new ChatAddress(chat.Platform, chat.Id[..colon]);
        return true;
    }

    /// <summary>The topic's own id within its group (<c>45</c>), or null when the address is not a topic.</summary>
    public static string? TopicIdOf(ChatAddress chat)
    {
        var colon = chat.Id.IndexOf(Separator, StringComparison.Ordinal);
        return colon <= 0 || colon == chat.Id.Length - 1 ? null : chat.Id[(colon + 1)..];
    }

    /// <summary>The key the platform's per-chat limits are counted under: a topic's group's, any other chat's own.</summary>
    public static string PacingKeyOf(string chatKey)
    {
        ArgumentNullException.ThrowIfNull(chatKey);
        var platformColon = chatKey.IndexOf(Separator, StringComparison.Ordinal);
        var topicColon = platformColon < 0 ? -1 : chatKey.IndexOf(Separator, platformColon + 1);
        return topicColon < 0 ? chatKey : chatKey[..topicColon];
    }

    /// <summary>The topic as deliveries see it: the group's settings, and active only while the group is.</summary>
    public static ChatRecord Inherit(ChatRecord topic, ChatRecord? group)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (group is null)
        {
            return topic;
        }

        return topic with
        {
            TimeZone = group.TimeZone,
            Quiet = group.Quiet,
            Language = group.Language,
            AnnouncementsMuted = group.AnnouncementsMuted,
            Active = topic.Active && group.Active,
            InactiveReason = topic.Active ? group.InactiveReason : topic.InactiveReason,
        };
    }
}
