namespace NewsBot.Core.Announcements;

/// <summary>
/// Who receives an announcement: every active chat that has not opted out (a forum topic's group
/// stands for it), on each platform the bot can send to, and the announcement channels
/// configured for those platforms.
/// </summary>
public sealed class AnnouncementAudience(ChatLifecycle chats, IAnnouncementChannels channels, IEnumerable<IChatSender> senders)
{
    private readonly HashSet<string> _platforms = senders.Select(s => s.Platform).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether the bot can send to this platform at all (the terminal has no pushes).</summary>
    public bool Reaches(string platform) => _platforms.Contains(platform);

    /// <summary>The chat keys of every recipient, chats first, then channels, each once.</summary>
    public IReadOnlyList<string> Recipients()
    {
        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var platform in _platforms.Order(StringComparer.Ordinal))
        {
            foreach (var key in chats.ActiveChatKeys(platform))
            {
                // A forum topic hears announcements through its group, once.
                if (chats.Find(ChatAddress.Parse(key)) is not ({ AnnouncementsMuted: true } or { Kind: ChatKind.ForumTopic }) && seen.Add(key))
                {
                    keys.Add(key);
                }
            }
        }

        foreach (var channel in Channels())
        {
            if (seen.Add(channel.Key))
            {
                keys.Add(channel.Key);
            }
        }

        return keys;
    }

    /// <summary>The configured announcement channels on platforms the bot can send to.</summary>
    public IReadOnlyList<ChatAddress> Channels() => channels.All.Where(c => Reaches(c.Platform)).ToList();

    public bool IsChannel(string chatKey) => channels.All.Any(c => c.Key == chatKey);
}
