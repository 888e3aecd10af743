namespace NewsBot.Storage.Copy;

/// <summary>
/// The copy will not start, for a reason its one-line message gives (a target that is not a
/// PostgreSQL connection string, one that cannot be reached or refuses the login, one that is not
/// empty). Nothing was written when it is thrown. The message never repeats the connection string.
/// </summary>
internal sealed class CopyRefusedException : Exception
{
    public CopyRefusedException(string message)
        : base(message)
    {
    }

    public CopyRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CopyRefusedException()
    {
    }
}
