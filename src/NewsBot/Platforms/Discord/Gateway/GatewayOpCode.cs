namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>The gateway opcodes NewsBot sends or understands (Gateway v10).</summary>
internal enum GatewayOpCode
{
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    Resume = 6,
    Reconnect = 7,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
}
