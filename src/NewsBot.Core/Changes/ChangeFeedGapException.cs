namespace NewsBot.Core.Changes;

/// <summary>
/// This instance fell further behind the change feed than it is kept (it could not reach the
/// database for longer than <c>Scaling:ChangeRetentionHours</c>): changes it never applied are
/// gone, so what it holds in memory can only be read again from the start.
/// </summary>
public sealed class ChangeFeedGapException : Exception
{
    public ChangeFeedGapException()
    {
    }

    public ChangeFeedGapException(string message)
        : base(message)
    {
    }

    public ChangeFeedGapException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static ChangeFeedGapException At(long position, long prunedThrough) =>
        new($"This instance applied the database's changes up to number {position}, but those up to {prunedThrough} have been pruned meanwhile.");
}
