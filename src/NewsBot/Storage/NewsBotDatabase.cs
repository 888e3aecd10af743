using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging.Abstractions;

namespace NewsBot.Storage;

/// <summary>
/// The process's one LiteDB database. Opening it takes a lock file beside it (LiteDB's direct
/// mode does not lock on Linux, and two processes on one file corrupt it), refuses files that
/// are not NewsBot databases instead of letting LiteDB silently reinitialise them, and checks
/// the schema version (<see cref="DatabaseSchema"/>). An existing file is checked through a
/// read-only instance before anything opens it for writing (<see cref="DatabaseFileChecks"/>), so a file that is refused is left exactly as it was; a new file is
/// made under a temporary name and renamed when complete, so a failed start (a full disk, a bad
/// setting) never leaves a half-made database behind. After a failed write the engine opens the
/// file afresh (<see cref="RecoveringLiteEngine"/>).
/// </summary>
/// <remarks>
/// LiteDB keeps every page it has read in its cache for as long as the instance is open, so
/// the start-up read of every article would stay resident for the life of the process.
/// <see cref="ReadArticlesThenReopen"/> does that read through an instance of its own and
/// closes it before the instance everyone shares opens. Two instances on one file corrupt it,
/// so the two never overlap: both happen under <see cref="_gate"/>, and
/// <see cref="Database"/> waits for it.
/// </remarks>
internal sealed class NewsBotDatabase : IDisposable
{
    public const string FileName = "newsbot.db";
    // Adding a collection or a field with a default does not change the version: an older
    // NewsBot reads such a file as before and ignores what it does not know. Only a change that
    // older code would misread (a field that changes meaning, a key format) raises it.
    public const int SchemaVersion = 1;

    // Articles read per LiteDB query at start: enough to make the queries' cost vanish, few
    // enough that their pages (about 1.3 KB an article) stay a small cache.
    internal const int ReadChunk = 10_000;

    internal const string ArticlesCollection = "articles";

    private readonly FileStream _lock;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();

    // The instance Open checked the file with, until someone uses it or the start-up read
    // closes it; then the shared instance, once open. At most one of the two is set.
    private LiteDatabase? _checked;
    private LiteDatabase? _shared;
    private bool _disposed;

    private NewsBotDatabase(string path, FileStream fileLock, LiteDatabase database, ILogger logger)
    {
        FilePath = path;
        _lock = fileLock;
        _checked = database;
        _logger = logger;
    }

    public string FilePath { get; }

    /// <summary>The one instance shared by every store, opened on first use.</summary>
    public LiteDatabase Database => Volatile.Read(ref _shared) ?? OpenShared();

    public ILiteCollection<ArticleDocument> Articles => Database.GetCollection<ArticleDocument>(ArticlesCollection);

    public ILiteCollection<ArticleTextDocument> ArticleTexts => Database.GetCollection<ArticleTextDocument>("article_texts");

    public ILiteCollection<SourceDocument> Sources => Database.GetCollection<SourceDocument>("sources");

    public ILiteCollection<BookmarkDocument> Bookmarks => Database.GetCollection<BookmarkDocument>("bookmarks");

    public ILiteCollection<SubscriptionDocument> Subscriptions => Database.GetCollection<SubscriptionDocument>("subscriptions");

    public ILiteCollection<ChatDocument> Chats => Database.GetCollection<ChatDocument>("chats");

    public ILiteCollection<UserDocument> Users => Database.GetCollection<UserDocument>("users");

    public ILiteCollection<StateDocument> State => Database.GetCollection<StateDocument>("state");

    public ILiteCollection<OutboxDocument> Outbox => Database.GetCollection<OutboxDocument>("outbox");

    public ILiteCollection<AnnouncementDocument> Announcements => Database.GetCollection<AnnouncementDocument>("announcements");

    public ILiteCollection<DigestCursorDocument> DigestCursors => Database.GetCollection<DigestCursorDocument>("digest_cursors");

    /// <summary>Opens (or creates) the database in <paramref name="directory"/>.</summary>
    /// <exception cref="DatabaseUnavailableException">Another process holds it, or the file is not usable.</exception>
    public static NewsBotDatabase Open(string directory, ILogger? logger = null)
    {
        logger ??= NullLogger.Instance;
        var fullDirectory = Path.GetFullPath(directory);
        var path = Path.Combine(fullDirectory, FileName);
        try
        {
            Directory.CreateDirectory(fullDirectory);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DatabaseUnavailableException($"Cannot create the data directory {fullDirectory}: permission denied for user {Environment.UserName}. Give that user write access to it, or set NewsBot:DataDirectory to a folder NewsBot may write to.", ex);
        }
        catch (IOException ex)
        {
            throw new DatabaseUnavailableException($"Cannot create the data directory {fullDirectory}: {StorageErrors.Describe(ex)} Set NewsBot:DataDirectory to a folder NewsBot may write to.", ex);
        }

        var fileLock = AcquireLock(path);
        try
        {
            if (File.Exists(path))
            {
                DatabaseFileChecks.CheckExisting(path);
            }
            else
            {
                CreateNew(path);
            }

            var database = OpenLiteDb(path, logger);
            try
            {
                DatabaseSchema.Prepare(database, path, logger);
                return new NewsBotDatabase(path, fileLock, database, logger);
            }
            catch
            {
                database.Dispose();
                throw;
            }
        }
        catch
        {
            fileLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Hands every stored article document to <paramref name="read"/>, oldest id first, through a LiteDB
    /// instance that is closed (and its page cache dropped) before the shared one opens; the
    /// lock file stays held throughout. Meant for filling the in-memory index at start, before
    /// anything else uses the database; if something already has, the read goes through the
    /// shared instance instead. <paramref name="read"/> must be done with the sequence when it
    /// returns; anyone asking for <see cref="Database"/> meanwhile waits.
    /// </summary>
    /// <param name="chunk">Articles per LiteDB query (see <see cref="InChunks"/>).</param>
    /// <returns>True when the read went through an instance of its own.</returns>
    public bool ReadArticlesThenReopen(Action<IEnumerable<BsonDocument>> read, int chunk = ReadChunk)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunk, 1);
        return ReadThenReopen(reader => read(InChunks(reader.GetCollection(ArticlesCollection), chunk)));
    }

    /// <summary>
    /// Hands <paramref name="read"/> a LiteDB instance of its own, closed (and its page cache
    /// dropped) before the shared one opens, as <see cref="ReadArticlesThenReopen"/> does for
    /// reading every article; or the shared instance, when something already uses it. For the
    /// reads that fill the index at start.
    /// </summary>
    /// <returns>True when the read went through an instance of its own.</returns>
    public bool ReadThenReopen(Action<LiteDatabase> read)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_shared is not null)
            {
                read(_shared);
                return false;
            }

            var reader = _checked ?? OpenLiteDb(FilePath, _logger);
            _checked = null;
            try
            {
                read(reader);
            }
            finally
            {
                reader.Dispose();
            }

            Volatile.Write(ref _shared, OpenLiteDb(FilePath, _logger));
            return true;
        }
    }

    /// <summary>
    /// Every article, oldest id first, <paramref name="chunk"/> at a time. Each chunk is a
    /// query of its own, so LiteDB can reuse the cache pages of the chunks before it; one query
    /// over the whole collection holds every page it reads until it ends.
    /// </summary>
    internal static IEnumerable<BsonDocument> InChunks(ILiteCollection<BsonDocument> articles, int chunk)
    {
        var after = int.MinValue;
        while (true)
        {
            var count = 0;
            foreach (var article in articles.Find(Query.GT("_id", after), limit: chunk))
            {
                count++;
                after = article["_id"].AsInt32;
                yield return article;
            }

            if (count < chunk)
            {
                yield break;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _checked?.Dispose();
            _shared?.Dispose();
        }

        _lock.Dispose();
    }

    private LiteDatabase OpenShared()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_shared is null)
            {
                Volatile.Write(ref _shared, _checked ?? OpenLiteDb(FilePath, _logger));
                _checked = null;
            }

            return _shared;
        }
    }

    private static FileStream AcquireLock(string path)
    {
        var lockPath = path + ".lock";
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DatabaseUnavailableException($"Cannot create the lock file {lockPath}: permission denied for user {Environment.UserName}. Give that user write access to {Path.GetDirectoryName(path)}, or set NewsBot:DataDirectory to another folder.", ex);
        }
        catch (IOException ex) when (StorageErrors.IsDiskFull(ex))
        {
            throw new DatabaseUnavailableException($"Cannot create the lock file {lockPath}: {StorageErrors.Describe(ex)}", ex);
        }
        catch (IOException ex)
        {
            throw new DatabaseUnavailableException(
                $"The database {path} is in use by another NewsBot process (lock file {lockPath}). Stop the other process, or point this one at another folder with NewsBot:DataDirectory.", ex);
        }
    }

    /// <summary>
    /// Makes a new database under a temporary name, complete with schema and indexes, then gives
    /// it its real name: a start that fails half-way leaves nothing a later start would refuse.
    /// </summary>
    private static void CreateNew(string path)
    {
        var temporary = path + ".new";
        DeleteQuietly(temporary);
        DeleteQuietly(LogFilePath(temporary));
        try
        {
            using (var database = new LiteDatabase(new LiteEngine(Settings(temporary, readOnly: false)), LiteDbMapper.Create(), disposeOnClose: true) { UtcDate = true })
            {
                DatabaseSchema.Prepare(database, temporary);
                database.Checkpoint();
            }

            File.Move(temporary, path);
        }
        catch (Exception ex)
        {
            DeleteQuietly(temporary);
            DeleteQuietly(LogFilePath(temporary));
            throw ex switch
            {
                DatabaseUnavailableException known => known,
                UnauthorizedAccessException => new DatabaseUnavailableException($"Cannot create the database {path}: permission denied for user {Environment.UserName}. Give that user write access to {Path.GetDirectoryName(path)}, or set NewsBot:DataDirectory to another folder.", ex),
                IOException io => new DatabaseUnavailableException($"Cannot create the database {path}: {StorageErrors.Describe(io)}", ex),
                _ => new DatabaseUnavailableException($"Cannot create the database {path} ({ex.Message}).", ex),
            };
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next start to overwrite.
        }
    }

    // LiteDB keeps committed writes in "<name>-log<ext>" beside the data file until a checkpoint.
    internal static string LogFilePath(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));

    private static EngineSettings Settings(string path, bool readOnly) => new()
    {
        Filename = path,
        Collation = new Collation("/IgnoreCase"),
        ReadOnly = readOnly,
    };

    internal static LiteDatabase OpenReadOnly(string path) =>
        new(new LiteEngine(Settings(path, readOnly: true)), LiteDbMapper.Create(), disposeOnClose: true);

    private static LiteDatabase OpenLiteDb(string path, ILogger logger)
    {
        try
        {
            var engine = new RecoveringLiteEngine(() => new LiteEngine(Settings(path, readOnly: false)), path, logger);
            return new LiteDatabase(engine, LiteDbMapper.Create(), disposeOnClose: true) { UtcDate = true };
        }
        catch (IOException ex)
        {
            throw new DatabaseUnavailableException($"Cannot open the database {path}: {StorageErrors.Describe(ex)}", ex);
        }
        catch (Exception ex) when (DatabaseFileChecks.IsDamage(ex))
        {
            throw DatabaseFileChecks.Damaged(path, ex);
        }
    }
}
