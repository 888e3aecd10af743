namespace NewsBot.Core.Commands;

public enum CommandAudience
{
    /// <summary>Anyone in any chat.</summary>
    Everyone,

    /// <summary>Anyone, about their own things (bookmarks); answers are personal.</summary>
    EachUser,

    /// <summary>Changes the chat: in groups and servers only its admins may use it.</summary>
    ChatAdmins,

    /// <summary>Only the people listed in <c>NewsBot:Admins</c>.</summary>
    BotAdmins,
}
