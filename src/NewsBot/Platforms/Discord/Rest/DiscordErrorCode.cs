namespace NewsBot.Platforms.Discord.Rest;

/// <summary>Discord's JSON error codes that NewsBot acts on.</summary>
internal enum DiscordErrorCode
{
    UnknownChannel = 10003,
    UnknownMessage = 10008,
    UnknownWebhook = 10015,
    UnknownInteraction = 10062,
    DailyCommandCreateLimit = 30034,
    RequestTooLarge = 40005,
    AlreadyAcknowledged = 40060,
    MissingAccess = 50001,
    CannotSendEmptyMessage = 50006,
    CannotMessageUser = 50007,
    MissingPermissions = 50013,
    InvalidWebhookToken = 50027,
    InvalidFormBody = 50035,
    CannotMessageUserNoMutualGuild = 50278,
    CannotSendInNonTextChannel = 50008,
    ThreadArchived = 50083,
    ThreadLocked = 160005,
}
