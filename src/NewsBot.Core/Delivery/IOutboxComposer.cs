namespace NewsBot.Core.Delivery;

/// <summary>
/// Renders digest or announcement entries when they are sent, so they say what is true then.
/// The dispatcher uses the composer registered for the entry's kind.
/// </summary>
public interface IOutboxComposer
{
    OutboxKind Kind { get; }

    /// <summary>The message for the entry, or null when there is nothing to send any more (the entry is then dropped).</summary>
    ValueTask<Reply?> ComposeAsync(OutboxEntry entry, CancellationToken cancellationToken);
}
