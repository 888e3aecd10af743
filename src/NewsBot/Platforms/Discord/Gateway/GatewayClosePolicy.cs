namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>The gateway close codes (reference: Gateway Close Event Codes) and what each one asks of the client.</summary>
internal static class GatewayClosePolicy
{
    /// <summary>The close code NewsBot uses to leave a connection while keeping the session resumable.</summary>
    public const int ReconnectCloseCode = 4000;

    /// <summary>What to do after a close with this code; null means the connection dropped without one.</summary>
    public static GatewayCloseAction ActionFor(int? closeCode) => closeCode switch
    {
        4003 or 4007 or 4009 => GatewayCloseAction.Identify,
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => GatewayCloseAction.Stop,
        _ => GatewayCloseAction.Resume,
    };

    /// <summary>What the code means and, for the fatal ones, what to change. Never includes the token.</summary>
    public static string Describe(int? closeCode) => closeCode switch
    {
        null => "the connection dropped without a close code",
        4000 => "4000 unknown error",
        4001 => "4001 unknown opcode (a client bug)",
        4002 => "4002 decode error (a client bug)",
        4003 => "4003 not authenticated",
        4004 => "4004 authentication failed: Discord refused the bot token; set Discord:Token to the token from the Developer Portal (Bot → Reset Token)",
        4005 => "4005 already authenticated (a client bug)",
        4007 => "4007 invalid sequence on resume",
        4008 => "4008 rate limited (too many gateway sends)",
        4009 => "4009 session timed out",
        4010 => "4010 invalid shard",
        4011 => "4011 sharding required: the bot is in too many servers for one connection",
        4012 => "4012 invalid API version",
        4013 => "4013 invalid intents",
        4014 => "4014 disallowed intents: a privileged intent is not enabled for this application in the Developer Portal",
        _ => $"close code {closeCode}",
    };
}
