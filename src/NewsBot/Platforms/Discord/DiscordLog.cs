using NewsBot.Platforms.Discord.Interactions;

namespace NewsBot.Platforms.Discord;

/// <summary>Every event the Discord adapter logs, each with a stable event id (from 4001) to filter and alert on.</summary>
internal static partial class DiscordLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Posted in Discord channel {Channel} but could not tell whether it publishes to followers: {Reason}")] public static partial void LogKindUnknown(this ILogger logger, string channel, string reason);
    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Announcement posted in Discord channel {Channel} but not published to followers: {Reason}")] public static partial void LogNotPublished(this ILogger logger, string channel, string reason);
    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Discord cannot run. {Outcome}")] public static partial void LogCannotRun(this ILogger logger, string outcome);
    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Discord delivery to {Chat} did not go through: {Outcome}")] public static partial void LogNotDelivered(this ILogger logger, ChatAddress chat, SendOutcome outcome);
    [LoggerMessage(EventId = 4005, Level = LogLevel.Error, Message = "Discord delivery to {Chat} failed unexpectedly: {Outcome}")] public static partial void LogDeliveryCrashed(this ILogger logger, Exception exception, ChatAddress chat, SendOutcome outcome);
    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Discord thread {Chat} takes no messages and could not be reopened: {Reason}")] public static partial void LogThreadClosed(this ILogger logger, ChatAddress chat, string reason);
    [LoggerMessage(EventId = 4007, Level = LogLevel.Error, Message = "Discord event {Event} could not be handled")] public static partial void LogEventFailed(this ILogger logger, Exception exception, string @event);
    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Too many Discord interactions at once; asked the person behind {Interaction} to try again")] public static partial void LogTooBusy(this ILogger logger, string interaction);
    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "Could not tell {Interaction} to try again: {Reason}")] public static partial void LogBusyNotSaid(this ILogger logger, string interaction, string reason);
    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Ignored a Discord interaction NewsBot could not read: {Problem}")] public static partial void LogUnreadable(this ILogger logger, string problem);
    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "Could not answer the unreadable interaction: {Reason}")] public static partial void LogUnreadableNotAnswered(this ILogger logger, string reason);
    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "Discord thread {Thread} was reopened; what waited for it goes out now")] public static partial void LogThreadReopened(this ILogger logger, string thread);
    [LoggerMessage(EventId = 4013, Level = LogLevel.Information, Message = "Discord channel {Chat} was deleted; nothing more is delivered there")] public static partial void LogChannelDeleted(this ILogger logger, ChatAddress chat);
    [LoggerMessage(EventId = 4014, Level = LogLevel.Warning, Message = "Discord rate limit on {Route}: wait {Seconds:0.###} s (scope {Scope})")] public static partial void LogRateLimited(this ILogger logger, string route, double seconds, string scope);
    [LoggerMessage(EventId = 4015, Level = LogLevel.Information, Message = "Discord answered HTTP {Status} on {Route}; retrying")] public static partial void LogRequestRetrying(this ILogger logger, int status, string route);
    [LoggerMessage(
        EventId = 4016,
        Level = LogLevel.Error,
        Message = "{Count} refused or rate-limited Discord requests in the last {Minutes} minutes; NewsBot sends nothing to Discord for {Seconds:0} s to stay clear of Discord's ban on the address")]
    public static partial void LogPaused(this ILogger logger, int count, double minutes, double seconds);

    [LoggerMessage(
        EventId = 4017,
        Level = LogLevel.Critical,
        Message = "Discord refused the bot token (HTTP 401 Unauthorized). Discord is shut down: nothing more is sent until Discord:Token (Discord__Token) holds a valid token and NewsBot is restarted.")]
    public static partial void LogTokenRefused(this ILogger logger);

    [LoggerMessage(EventId = 4018, Level = LogLevel.Error, Message = "The Discord gateway connection failed unexpectedly: {Error}")] public static partial void LogConnectionCrashed(this ILogger logger, string error);
    [LoggerMessage(
        EventId = 4019,
        Level = LogLevel.Error,
        Message = "Discord stopped: the gateway closed the connection with {CloseReason}. NewsBot keeps running without Discord; fix the setting and restart.")]
    public static partial void LogGatewayClosed(this ILogger logger, string closeReason);

    [LoggerMessage(EventId = 4020, Message = "Discord gateway connection ended: {Why}. {Next} in {Delay} ms.")] public static partial void LogConnectionEnded(this ILogger logger, LogLevel level, string why, string next, long delay);
    [LoggerMessage(EventId = 4021, Level = LogLevel.Warning, Message = "Could not ask Discord where the gateway is (GET /gateway/bot): {Error}")] public static partial void LogGatewayUnknown(this ILogger logger, string error);
    [LoggerMessage(EventId = 4022, Level = LogLevel.Warning, Message = "Discord allows no new gateway session until {Until:u} (session start limit spent); waiting.")] public static partial void LogIdentifyBlocked(this ILogger logger, DateTimeOffset until);
    [LoggerMessage(EventId = 4023, Level = LogLevel.Warning, Message = "Discord sent a binary gateway message ({Bytes} bytes); NewsBot asks for plain JSON and ignores it.")] public static partial void LogBinaryMessage(this ILogger logger, int bytes);
    [LoggerMessage(EventId = 4024, Level = LogLevel.Warning, Message = "Discord sent a gateway message NewsBot cannot read ({Bytes} bytes, {Problem}); ignoring it.")] public static partial void LogUnreadableMessage(this ILogger logger, int bytes, string? problem);
    [LoggerMessage(EventId = 4025, Level = LogLevel.Debug, Message = "Ignoring gateway opcode {Op}.")] public static partial void LogOpcodeIgnored(this ILogger logger, int op);
    [LoggerMessage(EventId = 4026, Level = LogLevel.Warning, Message = "Discord sent a Hello without a usable heartbeat_interval; reconnecting.")] public static partial void LogHelloWithoutInterval(this ILogger logger);
    [LoggerMessage(EventId = 4027, Level = LogLevel.Information, Message = "Discord gateway session resumed.")] public static partial void LogSessionResumed(this ILogger logger);
    [LoggerMessage(EventId = 4028, Level = LogLevel.Warning, Message = "Discord sent a dispatch without an event name; ignoring it.")] public static partial void LogDispatchWithoutName(this ILogger logger);
    [LoggerMessage(EventId = 4029, Level = LogLevel.Warning, Message = "READY named no usable resume_gateway_url; resuming will use the gateway URL.")] public static partial void LogNoResumeUrl(this ILogger logger);
    [LoggerMessage(EventId = 4030, Level = LogLevel.Warning, Message = "READY carried no session_id; a reconnect will start a new session.")] public static partial void LogNoSessionId(this ILogger logger);
    [LoggerMessage(EventId = 4031, Level = LogLevel.Information, Message = "Discord gateway ready as bot user {BotUserId} of application {ApplicationId}.")] public static partial void LogReady(this ILogger logger, string botUserId, string applicationId);
    [LoggerMessage(EventId = 4032, Level = LogLevel.Warning, Message = "Discord did not acknowledge the last heartbeat; the connection is dead. Reconnecting to resume.")] public static partial void LogHeartbeatUnacknowledged(this ILogger logger);
    [LoggerMessage(EventId = 4033, Level = LogLevel.Error, Message = "Handling the Discord {Event} event failed: {Error}")] public static partial void LogHandlerFailed(this ILogger logger, string? @event, string error);
    [LoggerMessage(EventId = 4034, Level = LogLevel.Debug, Message = "Discord gateway: {Status}.")] public static partial void LogGatewayStatus(this ILogger logger, GatewayStatus status);
    [LoggerMessage(EventId = 4035, Level = LogLevel.Information, Message = "Discord gateway shard {Shard} connects from instance {Instance}")] public static partial void LogShardStarting(this ILogger logger, GatewayShard shard, string instance);
    [LoggerMessage(EventId = 4036, Level = LogLevel.Warning, Message = "Could not ask Discord how many gateway shards to run (GET /gateway/bot): {Error}; asking again")] public static partial void LogCountUnknown(this ILogger logger, string error);
    [LoggerMessage(EventId = 4037, Level = LogLevel.Warning, Message = "Could not ask the database for a turn to identify in Discord's bucket {Bucket} ({Reason}); trying again")] public static partial void LogAskFailed(this ILogger logger, int bucket, string reason);
    [LoggerMessage(EventId = 4038, Level = LogLevel.Information, Message = "Discord slash commands are up to date {Where} ({Count} commands)")] public static partial void LogUpToDate(this ILogger logger, string where, int count);
    [LoggerMessage(EventId = 4039, Level = LogLevel.Information, Message = "Registered {Count} Discord slash commands {Where}")] public static partial void LogRegistered(this ILogger logger, int count, string where);
    [LoggerMessage(EventId = 4040, Level = LogLevel.Warning, Message = "Could not register the Discord slash commands {Where} yet ({Reason}); trying again")] public static partial void LogRegistrationRetrying(this ILogger logger, string where, string reason);
    [LoggerMessage(EventId = 4041, Level = LogLevel.Error, Message = "Could not register the Discord slash commands {Where}: {Reason}. They are registered again when Discord starts a new session.")] public static partial void LogNotRegistered(this ILogger logger, string where, string reason);
    [LoggerMessage(EventId = 4042, Level = LogLevel.Warning, Message = "Discord interaction {Interaction} could not be answered any more: {Reason}")] public static partial void LogTooLate(this ILogger logger, string interaction, string reason);
    [LoggerMessage(EventId = 4043, Level = LogLevel.Error, Message = "Discord interaction {Interaction} ({Kind}) could not be answered")] public static partial void LogAnswerFailed(this ILogger logger, Exception exception, string interaction, DiscordInteractionKind kind);
    [LoggerMessage(EventId = 4044, Level = LogLevel.Warning, Message = "Autocomplete for /{Command} failed")] public static partial void LogAutocompleteFailed(this ILogger logger, Exception exception, string? command);
    [LoggerMessage(EventId = 4045, Level = LogLevel.Warning, Message = "Could not read the roles of Discord server {Guild}: {Reason}")] public static partial void LogRolesUnread(this ILogger logger, string guild, string reason);
    [LoggerMessage(EventId = 4046, Level = LogLevel.Information, Message = "Discord gateway shard {Shard} handed over by instance {Instance}, which held more than its share")] public static partial void LogHandedOver(this ILogger logger, GatewayShard shard, string instance);
    [LoggerMessage(EventId = 4047, Level = LogLevel.Information, Message = "Instance {Instance} holds up to {Share} of the {Count} Discord gateway shards, shared among {Instances} instances")] public static partial void LogShare(this ILogger logger, string instance, int share, int count, int instances);
}
