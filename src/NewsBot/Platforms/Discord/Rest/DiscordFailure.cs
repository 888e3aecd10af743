namespace NewsBot.Platforms.Discord.Rest;

/// <summary>What a refused Discord request means, read from its JSON error code and HTTP status.</summary>
internal enum DiscordFailure
{
    /// <summary>Anything not listed: a client bug or an unexpected refusal.</summary>
    Other,

    /// <summary>50007/50278: the person's DMs are closed, or the bot shares no server with them.</summary>
    CannotMessageUser,

    /// <summary>10003: the channel was deleted (or never existed).</summary>
    UnknownChannel,

    /// <summary>50001: the bot cannot see the channel.</summary>
    MissingAccess,

    /// <summary>50013: the bot lacks a permission (Send Messages, Embed Links…).</summary>
    MissingPermissions,

    /// <summary>10008: the message to edit or crosspost is gone.</summary>
    UnknownMessage,

    /// <summary>10062: the interaction's 3 s window or 15 min token has passed.</summary>
    UnknownInteraction,

    /// <summary>40060: the interaction was answered already.</summary>
    AlreadyAcknowledged,

    /// <summary>10015/50027: the webhook or interaction token is no longer valid.</summary>
    UnknownWebhook,

    /// <summary>50035/50006/40005: the request itself was wrong.</summary>
    InvalidRequest,

    /// <summary>30034: no more command creates today.</summary>
    CommandCreateLimit,

    /// <summary>50083/160005: the thread is archived or locked and takes no messages now.</summary>
    ThreadClosed,

    /// <summary>50008: the channel takes no messages of its own (a forum or media channel takes posts).</summary>
    NotATextChannel,
}
