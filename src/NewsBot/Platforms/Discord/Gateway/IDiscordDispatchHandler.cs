namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>
/// Receives the gateway's dispatch events (op 0), e.g. <c>INTERACTION_CREATE</c>, off the receive
/// loop, so slow handling never delays heartbeats.
/// </summary>
internal interface IDiscordDispatchHandler
{
    /// <param name="eventName">The event's <c>t</c>, e.g. <c>READY</c> or <c>INTERACTION_CREATE</c>.</param>
    /// <param name="data">The event's <c>d</c>; valid only during the call (clone it to keep it).</param>
    Task HandleAsync(string eventName, JsonElement data, CancellationToken cancellationToken);
}
