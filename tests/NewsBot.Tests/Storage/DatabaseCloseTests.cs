using LiteDB;
using LiteDB.Engine;

namespace NewsBot.Tests.Storage;

/// <summary>Closing the database while another thread writes: the write finishes, nothing is left half-open.</summary>
public sealed class DatabaseCloseTests
{
    [Fact]
    public async Task Close_WhileAnotherThreadIsInsideATransaction_WaitsForItsCommit()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "close.db");
        var engine = new RecoveringLiteEngine(() => new LiteEngine(new EngineSettings { Filename = path }), path, NullLogger.Instance);
        var database = new LiteDatabase(engine);
        using var inTransaction = new ManualResetEventSlim();
        using var commit = new ManualResetEventSlim();
        Exception? writerFailed = null;
        var writer = new Thread(() =>
        {
            try
            {
                database.BeginTrans();
                database.GetCollection("notes").Insert(new BsonDocument { ["_id"] = 1, ["text"] = "kept" });
                inTransaction.Set();
                commit.Wait();
                database.Commit();
            }
            catch (Exception ex)
            {
                writerFailed = ex;
                inTransaction.Set();
            }
        });
        writer.Start();
        Assert.True(inTransaction.Wait(TimeSpan.FromSeconds(10)), "the writer never began its transaction");

        var closing = Task.Run(database.Dispose);

        // Once closing has begun, a call from outside the transaction is refused.
        await Eventually.WaitUntilAsync(() => Refused(engine), "closing to begin");
        Assert.False(closing.IsCompleted, "the database closed with a transaction still open");

        commit.Set();
        writer.Join();
        await closing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(writerFailed);
        using var reopened = new LiteDatabase(path);
        Assert.Equal("kept", reopened.GetCollection("notes").FindById(1)["text"].AsString);
    }

    [Fact]
    public void Close_AfterAllWorkEnded_IsImmediateAndRefusesLaterCalls()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "close.db");
        var engine = new RecoveringLiteEngine(() => new LiteEngine(new EngineSettings { Filename = path }), path, NullLogger.Instance);
        using (var database = new LiteDatabase(engine))
        {
            database.GetCollection("notes").Insert(new BsonDocument { ["_id"] = 1 });
        }

        Assert.True(Refused(engine));
        engine.Dispose();
    }

    private static bool Refused(RecoveringLiteEngine engine)
    {
        try
        {
            engine.Pragma("USER_VERSION");
            return false;
        }
        catch (ObjectDisposedException)
        {
            return true;
        }
    }
}
