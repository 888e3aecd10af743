namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>
/// The gateway client's waits and limits. The defaults follow Discord's rules; tests shorten
/// them so a reconnect takes milliseconds.
/// </summary>
internal sealed record GatewayTimings
{
    /// <summary>How long opening the socket and waiting for Hello may take.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for the server to answer a close before dropping the socket.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The first reconnect wait; it doubles per failed attempt.</summary>
    public TimeSpan ReconnectBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Each reconnect wait moves by up to this much either way, so many bots do not reconnect in step.</summary>
    public TimeSpan ReconnectJitter { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>After Invalid Session (not resumable) Discord asks for a random 1–5 s wait before identifying again.</summary>
    public TimeSpan InvalidSessionMinDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Discord allows max_concurrency identifies per this window.</summary>
    public TimeSpan IdentifyWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gateway sends allowed per connection in <see cref="SendWindow"/>; more disconnects the bot.</summary>
    public int SendLimit { get; init; } = 120;

    public TimeSpan SendWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Sends of the window kept for heartbeats, which never wait.</summary>
    public int HeartbeatReserve { get; init; } = 5;

    /// <summary>Dispatch events waiting for the handler; when full, reading the socket waits.</summary>
    public int DispatchQueueCapacity { get; init; } = 1024;

    /// <summary>The largest gateway message accepted; READY of a big bot is a few MB.</summary>
    public int MaxMessageBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>Source of the heartbeat and reconnect jitter.</summary>
    public Random Random { get; init; } = Random.Shared;
}
