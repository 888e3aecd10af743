namespace NewsBot.Core.Chats;

public enum ChatKind
{
    Private,
    Group,
    Channel,
    GuildChannel,

    /// <summary>A topic of a forum group, with its own address (<see cref="ForumTopics"/>); its settings are the group's.</summary>
    ForumTopic,
}
