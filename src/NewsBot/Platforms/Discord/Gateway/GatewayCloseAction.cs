namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>What to do after the gateway closed the connection.</summary>
internal enum GatewayCloseAction
{
    /// <summary>Reconnect on the resume URL and send Resume: the session survives.</summary>
    Resume,

    /// <summary>Reconnect on the gateway URL and Identify: the session is gone.</summary>
    Identify,

    /// <summary>Stop Discord: retrying cannot help until the configuration changes.</summary>
    Stop,
}
