namespace NewsBot.Core.Commands;

public enum ChannelVerdict
{
    /// <summary>The person administers the channel and, where needed, the bot can post there.</summary>
    Allowed,

    /// <summary>No such channel, or one the bot is not in.</summary>
    Unknown,

    /// <summary>The name is a group or a person, not a channel.</summary>
    NotAChannel,

    /// <summary>The bot is in the channel but not as an admin, so it can neither check rights nor post.</summary>
    BotNotAdmin,

    /// <summary>The person does not administer the channel (or may not post in it).</summary>
    PersonNotAdmin,

    /// <summary>The bot is an admin of the channel without the right to post.</summary>
    BotCannotPost,

    /// <summary>The platform did not answer; trying again later may work.</summary>
    Unavailable,
}
