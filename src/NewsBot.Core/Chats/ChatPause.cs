namespace NewsBot.Core.Chats;

/// <summary>
/// Deliveries to a chat wait, without being lost, because the chat takes no messages for now
/// (a Discord thread that is archived and locked): what is queued stays queued and is tried
/// again now and then, and the first message that goes through ends the pause.
/// </summary>
/// <param name="Reason">Short and human-readable, kept for the chat's managers and the logs.</param>
/// <param name="Since">When the chat was first found refusing.</param>
public sealed record ChatPause(string Reason, DateTimeOffset Since);
