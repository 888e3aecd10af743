namespace NewsBot.Platforms.Discord;

/// <summary>The <c>Discord</c> configuration section. Discord starts only when <see cref="Token"/> is set.</summary>
internal sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>The bot token from the Developer Portal (Bot → Reset Token). A secret: never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>The application's id; empty means it is learned from the gateway's READY event.</summary>
    public string ApplicationId { get; set; } = "";

    /// <summary>Another REST base address (a test server); empty means <c>https://discord.com/api/v10</c>.</summary>
    public string ApiBaseUrl { get; set; } = "";

    /// <summary>Another gateway address (a test server); empty means the one <c>GET /gateway/bot</c> returns.</summary>
    public string GatewayUrl { get; set; } = "";

    /// <summary>A server (guild) id: slash commands are registered there, where they appear at once, instead of globally.</summary>
    public string GuildId { get; set; } = "";

    /// <summary>
    /// How many gateway shards to run; 0 (the default) takes Discord's recommendation from
    /// <c>GET /gateway/bot</c>. With several instances, set it, so that all of them agree.
    /// </summary>
    public int ShardCount { get; set; }

    public const int MaxShardCount = 4096;

    /// <summary>Channel ids where announcements are posted too (crossposted when the channel is an announcement channel).</summary>
    public IList<string> AnnouncementChannels { get; } = [];

    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";
}
