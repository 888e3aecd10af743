namespace NewsBot.Platforms.Discord.Rest;

/// <summary>Discord's JSON error codes that NewsBot acts on.</summary>
internal static class DiscordErrorCodes
{
    public const int UnknownChannel = 10003;
    public const int UnknownMessage = 10008;
    public const int UnknownWebhook = 10015;
    public const int UnknownInteraction = 10062;
    public const int DailyCommandCreateLimit = 30034;
    public const int RequestTooLarge = 40005;
    public const int AlreadyAcknowledged = 40060;
    public const int MissingAccess = 50001;
    public const int CannotSendEmptyMessage = 50006;
    public const int CannotMessageUser = 50007;
    public const int MissingPermissions = 50013;
    public const int InvalidWebhookToken = 50027;
    public const int InvalidFormBody = 50035;
    public const int CannotMessageUserNoMutualGuild = 50278;
    public const int CannotSendInNonTextChannel = 50008;
    public const int ThreadArchived = 50083;
    public const int ThreadLocked = 160005;
}
