using LiteDB;

namespace NewsBot.Storage;

/// <summary>
/// LiteDB binds a transaction, and the read transaction of an open query, to the thread that
/// began it. These keep each one on the calling thread from start to end.
/// </summary>
internal static class LiteDbThreadBinding
{
    /// <summary>
    /// The query's results, read to the end now: a consumer of the asynchronous port may resume
    /// on another thread between items, where an open LiteDB cursor must not be moved on.
    /// </summary>
    public static IAsyncEnumerable<T> ReadNow<T>(IEnumerable<T> query) => query.ToList().ToAsyncEnumerable();

    /// <summary>Runs <paramref name="work"/> in one transaction: committed when it returns, rolled back when it throws.</summary>
    public static T InTransaction<T>(this ILiteDatabase database, Func<T> work)
    {
        database.BeginTrans();
        try
        {
            var result = work();
            database.Commit();
            return result;
        }
        catch
        {
            database.Rollback();
            throw;
        }
    }

    public static void InTransaction(this ILiteDatabase database, Action work) =>
        database.InTransaction(() =>
        {
            work();
            return true;
        });
}
