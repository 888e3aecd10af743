namespace NewsBot.Core.Delivery;

/// <summary>How one send went, as the dispatcher needs to know it.</summary>
public abstract record SendOutcome
{
    private SendOutcome()
    {
    }

    /// <summary>Delivered.</summary>
    public sealed record Sent : SendOutcome;

    /// <summary>The platform asked to wait; try again after <paramref name="Delay"/>.</summary>
    /// <param name="Global">The limit is on the whole bot rather than this one chat.</param>
    public sealed record RetryAfter(TimeSpan Delay, bool Global) : SendOutcome;

    /// <summary>
    /// It will never work as it is: the bot was blocked or removed, the chat is gone, or the bot
    /// may not post there. Do not retry.
    /// </summary>
    /// <param name="Reason">Short and human-readable, e.g. "blocked by the user".</param>
    /// <param name="ChatUnreachable">The chat itself is lost to the bot (blocked, removed, deleted): stop delivering there.</param>
    public sealed record PermanentFailure(string Reason, bool ChatUnreachable) : SendOutcome;

    /// <summary>
    /// The chat is there but takes no messages for now (an archived thread the bot may not
    /// reopen): keep what is queued for it, try again much later, and tell its managers once.
    /// </summary>
    /// <param name="Reason">Short and human-readable, e.g. "the thread is archived and locked".</param>
    public sealed record ChatPaused(string Reason) : SendOutcome;

    /// <summary>A server error or a network problem: retry later with back-off.</summary>
    public sealed record TransientFailure(string Reason) : SendOutcome;
}
