using LiteDB;
using LiteDB.Engine;

namespace NewsBot.Storage;

/// <summary>
/// A LiteDB engine that survives a failed write. After an I/O error (a full disk, a storage
/// hiccup) LiteDB's engine fails every later call, reads included, until it is closed; this one
/// closes the broken engine and opens the file afresh, so the call that met the error fails and
/// the calls after it work again once the disk does. Committed data lives in LiteDB's log file,
/// which the new engine reads, so nothing that was committed is lost.
/// </summary>
/// <remarks>
/// LiteDB binds a transaction to the thread that began it. A thread inside a transaction keeps
/// talking to the engine it began with, even after a swap: its remaining calls fail, it rolls
/// back, and none of its writes lands half-done in the new engine.
/// <para>
/// LiteDB's engine does not end a transaction that is still open when it is closed, and the
/// transaction's finalizer then fails on the closed cache ("discarded page must be writable")
/// on the finalizer thread, which ends the process. So closing waits for the calls and
/// transactions in progress, and an engine closed while one may still be open is kept
/// reachable for the life of the process, so that finalizer never runs.
/// </para>
/// </remarks>
internal sealed class RecoveringLiteEngine : ILiteEngine
{
    private readonly Func<ILiteEngine> _open;
    private readonly string _path;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    /// <summary>How long closing waits for the calls and transactions in progress.</summary>
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(10);

    /// <summary>Engines closed with a transaction possibly open; never collected, see the remarks.</summary>
    private static readonly ConcurrentBag<ILiteEngine> ClosedWithOpenTransactions = [];

    private readonly ConcurrentDictionary<int, ILiteEngine> _transactions = new();
    private ILiteEngine? _engine;
    private bool _disposed;
    private int _callsInProgress;

    public RecoveringLiteEngine(Func<ILiteEngine> open, string path, ILogger logger)
    {
        _open = open;
        _path = path;
        _logger = logger;
        _engine = open();
    }

    /// <summary>How many times the file was opened afresh after a failure.</summary>
    public int Reopened { get; private set; }

    public int Checkpoint() => Run(e => e.Checkpoint());

    public long Rebuild(RebuildOptions options) => Run(e => e.Rebuild(options));

    public bool BeginTrans()
    {
        Interlocked.Increment(ref _callsInProgress);
        var engine = Current();
        try
        {
            var began = engine.BeginTrans();
            _transactions[Environment.CurrentManagedThreadId] = engine;
            return began;
        }
        catch (IOException ex)
        {
            Recover(engine, ex);
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref _callsInProgress);
        }
    }

    public bool Commit() => EndTransaction(e => e.Commit());

    public bool Rollback() => EndTransaction(e => e.Rollback());

    public IBsonDataReader Query(string collection, Query query) => Run(e => e.Query(collection, query));

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Run(e => e.Insert(collection, docs, autoId));

    public int Update(string collection, IEnumerable<BsonDocument> docs) => Run(e => e.Update(collection, docs));

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Run(e => e.UpdateMany(collection, transform, predicate));

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Run(e => e.Upsert(collection, docs, autoId));

    public int Delete(string collection, IEnumerable<BsonValue> ids) => Run(e => e.Delete(collection, ids));

    public int DeleteMany(string collection, BsonExpression predicate) => Run(e => e.DeleteMany(collection, predicate));

    public bool DropCollection(string name) => Run(e => e.DropCollection(name));

    public bool RenameCollection(string name, string newName) => Run(e => e.RenameCollection(name, newName));

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => Run(e => e.EnsureIndex(collection, name, expression, unique));

    public bool DropIndex(string collection, string name) => Run(e => e.DropIndex(collection, name));

    public BsonValue Pragma(string name) => Run(e => e.Pragma(name));

    public bool Pragma(string name, BsonValue value) => Run(e => e.Pragma(name, value));

    /// <summary>
    /// Refuses new work, lets the calls and transactions in progress finish (up to
    /// <see cref="CloseGrace"/>), then closes the engine.
    /// </summary>
    public void Dispose()
    {
        ILiteEngine? engine;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            engine = _engine;
            _engine = null;
        }

        if (engine is null)
        {
            return;
        }

        var settled = SpinWait.SpinUntil(() => Volatile.Read(ref _callsInProgress) == 0 && _transactions.IsEmpty, CloseGrace);
        if (!settled)
        {
            ClosedWithOpenTransactions.Add(engine);
        }

        engine.Dispose();
    }

    private T Run<T>(Func<ILiteEngine, T> call)
    {
        Interlocked.Increment(ref _callsInProgress);
        var engine = _transactions.TryGetValue(Environment.CurrentManagedThreadId, out var inTransaction) ? inTransaction : null;
        try
        {
            engine ??= Current();
            return call(engine);
        }
        catch (IOException ex) when (engine is not null)
        {
            Recover(engine, ex);
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref _callsInProgress);
        }
    }

    private bool EndTransaction(Func<ILiteEngine, bool> end)
    {
        Interlocked.Increment(ref _callsInProgress);
        ILiteEngine? engine = null;
        try
        {
            engine = _transactions.TryGetValue(Environment.CurrentManagedThreadId, out var began) ? began : Current();
            try
            {
                return end(engine);
            }
            finally
            {
                // Removed only once the transaction has ended, so closing waits for it.
                _transactions.TryRemove(Environment.CurrentManagedThreadId, out _);
            }
        }
        catch (IOException ex) when (engine is not null)
        {
            Recover(engine, ex);
            throw;
        }
        catch (Exception) when (engine is not null && engine != Volatile.Read(ref _engine) && !_disposed)
        {
            // The engine this transaction began on was replaced; its writes are gone with it.
            throw new IOException("The database was reopened after a failed write; this transaction was rolled back.");
        }
        finally
        {
            Interlocked.Decrement(ref _callsInProgress);
        }
    }

    private ILiteEngine Current()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_engine is null)
            {
                // An earlier reopen failed (the disk was still full); try again now.
                _engine = _open();
                Reopened++;
                _logger.LogReopened(_path);
            }

            return _engine;
        }
    }

    private void Recover(ILiteEngine failed, IOException error)
    {
        lock (_gate)
        {
            if (_disposed || _engine != failed)
            {
                return;
            }

            _engine = null;
            _logger.LogWriteFailed(_path, error.Message);

            // Other threads may be inside a transaction on it; see the remarks.
            ClosedWithOpenTransactions.Add(failed);
            try
            {
                failed.Dispose();
            }
            catch (Exception ex) when (ex is IOException or LiteException or ObjectDisposedException)
            {
                // It is broken already; closing it is all that is asked of it.
            }

            try
            {
                _engine = _open();
                Reopened++;
                _logger.LogReopened(_path);
            }
            catch (Exception ex) when (ex is IOException or LiteException)
            {
                _logger.LogReopenFailed(_path, ex.Message);
            }
        }
    }
}
