namespace NewsBot.Core.Delivery;

/// <summary>Tells the people who can fix it that deliveries to a chat wait (<see cref="ChatPause"/>).</summary>
public interface IPauseNotices
{
    /// <summary>Tells them about the chat's current pause; nothing when the chat is not paused.</summary>
    Task TellAsync(ChatAddress chat, CancellationToken cancellationToken);
}
