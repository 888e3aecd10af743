namespace NewsBot.Core.Commands;

/// <summary>
/// The chat a command acts on (<see cref="ChatTargets"/>): the message as its handler sees it, with
/// the arguments left after the chat was named, or the refusal when it may not act there.
/// </summary>
/// <param name="Message">The message as if it had been written in the target chat.</param>
/// <param name="Arguments">The command's arguments without the word that named the target.</param>
/// <param name="Refusal">Why the command may not act there; the answer when set.</param>
/// <param name="Channel">The channel acted on from a private chat; null otherwise.</param>
public sealed record ChatTarget(IncomingMessage Message, string Arguments, Reply? Refusal = null, ChannelCheck? Channel = null)
{
    /// <summary>
    /// The answer as the asker should read it: about a channel, it says which one, and its buttons
    /// name the channel too, so a press acts on the channel and not on the private chat.
    /// </summary>
    public Reply Present(Reply reply, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(texts);
        if (Channel is not { Channel: { } channel } check)
        {
            return reply;
        }

        var heading = new TextBlock(texts.Get("channel.for", ("channel", check.Title ?? channel.Id)), TextStyle.Hint);
        var buttons = new List<ReplyButton>();
        foreach (var button in reply.Buttons)
        {
            if (ChatTargets.WithChannel(button, channel.Id) is { } named)
            {
                buttons.Add(named);
            }
        }

        return reply with { Blocks = [heading, .. reply.Blocks], Buttons = buttons };
    }
}
