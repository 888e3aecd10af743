namespace NewsBot.Core.Delivery;

/// <summary>
/// Sends a reply to a chat on one platform, once, and says how it went. It does not wait out
/// flood limits or retry: pacing and retries belong to the dispatcher.
/// </summary>
public interface IChatSender
{
    /// <summary>The platform this sender serves, as in chat keys (<see cref="PlatformNames"/>).</summary>
    string Platform { get; }

    /// <summary>Sends the reply. Throws only on cancellation; every other failure is a <see cref="SendOutcome"/>.</summary>
    Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, CancellationToken cancellationToken);
}
