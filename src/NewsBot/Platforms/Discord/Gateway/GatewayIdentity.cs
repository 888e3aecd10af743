namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>What READY told about this bot: its application, its user and the session to resume.</summary>
internal sealed record GatewayIdentity(string ApplicationId, string BotUserId, string SessionId);
