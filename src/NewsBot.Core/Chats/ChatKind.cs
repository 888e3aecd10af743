namespace NewsBot.Core.Chats;

public enum ChatKind
{
    Private,
    Group,
    Channel,
    GuildChannel,
}
