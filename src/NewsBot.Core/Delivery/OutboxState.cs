namespace NewsBot.Core.Delivery;

public enum OutboxState
{
    /// <summary>Waiting to be sent (see <see cref="OutboxEntry.NextAttemptAt"/>).</summary>
    Pending,

    /// <summary>The platform accepted it.</summary>
    Sent,

    /// <summary>Nothing to send any more: the article or announcement went away, or a composer had nothing to say.</summary>
    Dropped,

    /// <summary>Given up after errors (too many attempts, or the platform refused the message itself).</summary>
    Failed,

    /// <summary>Not sent because the chat blocked the bot, is gone, or is inactive.</summary>
    Blocked,
}
