using LiteDB;

namespace NewsBot.Storage;

/// <summary>
/// One way to write in a LiteDB transaction: begun on the calling thread (LiteDB binds a
/// transaction to its thread), committed when the work returns, rolled back when it throws.
/// </summary>
internal static class LiteDbTransactions
{
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
