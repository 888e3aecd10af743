namespace NewsBot.Core.Search;

/// <summary>
/// Holds a <see cref="ReaderWriterLockSlim"/> for a <c>using</c> block and lets it go however the
/// block ends: the article index and the subscription matcher are read by many threads at once
/// and written by one.
/// </summary>
internal static class LockScopes
{
    public static ReadScope Reading(this ReaderWriterLockSlim gate)
    {
        gate.EnterReadLock();
        return new ReadScope(gate);
    }

    public static WriteScope Writing(this ReaderWriterLockSlim gate)
    {
        gate.EnterWriteLock();
        return new WriteScope(gate);
    }

    public readonly ref struct ReadScope(ReaderWriterLockSlim gate)
    {
        public void Dispose() => gate.ExitReadLock();
    }

    public readonly ref struct WriteScope(ReaderWriterLockSlim gate)
    {
        public void Dispose() => gate.ExitWriteLock();
    }
}
