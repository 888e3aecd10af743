namespace NewsBot.Storage.Copy;

/// <summary>
/// The copy started and could not finish (the server went away, the rows read back did not
/// match). Its transaction was rolled back: the target holds NewsBot's empty tables at most.
/// </summary>
internal sealed class CopyFailedException : Exception
{
    public CopyFailedException(string message)
        : base(message)
    {
    }

    public CopyFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CopyFailedException()
    {
    }
}
