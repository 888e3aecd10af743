using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NewsBot.Storage;

/// <summary>
/// The process's one LiteDB database. Opening it takes a lock file beside it (LiteDB's direct
/// mode does not lock on Linux, and two processes on one file corrupt it), refuses files that
/// are not NewsBot databases instead of letting LiteDB silently reinitialise them, and checks
/// the schema version. An existing file is checked through a read-only instance before anything
/// opens it for writing, so a file that is refused is left exactly as it was; a new file is
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

    // A fresh LiteDB 5 file is this large; anything smaller would be overwritten without a word.
    private const long SmallestValidFileBytes = 32_768;

    // LiteDB writes whole pages; a file of any other length is damaged, and opening it for
    // writing would cut it to a page boundary.
    private const long PageBytes = 8_192;

    // Articles read per LiteDB query at start: enough to make the queries' cost vanish, few
    // enough that their pages (about 1.3 KB an article) stay a small cache.
    internal const int ReadChunk = 10_000;

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

    public ILiteCollection<ArticleDocument> Articles => Database.GetCollection<ArticleDocument>("articles");

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
                CheckExistingFile(path);
            }
            else
            {
                CreateNew(path);
            }

            var database = OpenLiteDb(path, logger);
            try
            {
                Prepare(database, path);
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
    /// Hands every stored article to <paramref name="read"/>, oldest id first, through a LiteDB
    /// instance that is closed (and its page cache dropped) before the shared one opens; the
    /// lock file stays held throughout. Meant for filling the in-memory index at start, before
    /// anything else uses the database; if something already has, the read goes through the
    /// shared instance instead. <paramref name="read"/> must be done with the sequence when it
    /// returns; anyone asking for <see cref="Database"/> meanwhile waits.
    /// </summary>
    /// <param name="chunk">Articles per LiteDB query (see <see cref="InChunks"/>).</param>
    /// <returns>True when the read went through an instance of its own.</returns>
    public bool ReadArticlesThenReopen(Action<IEnumerable<ArticleDocument>> read, int chunk = ReadChunk)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunk, 1);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_shared is not null)
            {
                read(_shared.GetCollection<ArticleDocument>("articles").FindAll());
                return false;
            }

            var reader = _checked ?? OpenLiteDb(FilePath, _logger);
            _checked = null;
            try
            {
                read(InChunks(reader.GetCollection<ArticleDocument>("articles"), chunk));
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
    private static IEnumerable<ArticleDocument> InChunks(ILiteCollection<ArticleDocument> articles, int chunk)
    {
        var after = int.MinValue;
        while (true)
        {
            var count = 0;
            foreach (var article in articles.Find(Query.GT("_id", after), limit: chunk))
            {
                count++;
                after = article.Id;
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
    /// Everything that can be learnt about an existing file without writing to it: its size, that
    /// this user may read and write it, and that LiteDB can read it as a NewsBot database.
    /// </summary>
    private static void CheckExistingFile(string path)
    {
        var info = new FileInfo(path);
        if (info.Length < SmallestValidFileBytes)
        {
            throw new DatabaseUnavailableException(
                $"{path} is not a NewsBot database ({info.Length} bytes; too small to be one). It was left untouched. Move it away or set NewsBot:DataDirectory to another folder.");
        }

        CheckAccess(path, FileAccess.Read);
        CheckAccess(path, FileAccess.ReadWrite);
        CheckAccess(LogFilePath(path), FileAccess.ReadWrite);
        if (info.Length % PageBytes != 0)
        {
            throw new DatabaseUnavailableException(
                $"{path} is damaged: its length ({info.Length} bytes) is not a whole number of {PageBytes}-byte pages. It was left untouched. Restore a copy, move it away to start afresh, or set NewsBot:DataDirectory to another folder.");
        }

        try
        {
            using var reader = new LiteDatabase(new LiteEngine(Settings(path, readOnly: true)), Mapper(), disposeOnClose: true);
            CheckSchema(reader, path);
            ReadEveryCollection(reader);
        }
        catch (IOException ex)
        {
            throw new DatabaseUnavailableException($"Cannot read the database {path}: {StorageErrors.Describe(ex)} It was left untouched.", ex);
        }
        catch (Exception ex) when (IsDamage(ex))
        {
            throw Damaged(path, ex);
        }
    }

    private static void CheckAccess(string path, FileAccess access)
    {
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            using var _ = new FileStream(path, FileMode.Open, access, FileShare.ReadWrite | FileShare.Delete, 1);
        }
        catch (UnauthorizedAccessException ex)
        {
            var what = access == FileAccess.Read ? "read" : "write";
            throw new DatabaseUnavailableException(
                $"NewsBot may not {what} {path}: permission denied for user {Environment.UserName}. The file was left untouched. Give that user read and write access to it (chown or chmod), or set NewsBot:DataDirectory to another folder.", ex);
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
            using (var database = new LiteDatabase(new LiteEngine(Settings(temporary, readOnly: false)), Mapper(), disposeOnClose: true) { UtcDate = true })
            {
                Prepare(database, temporary);
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
    private static string LogFilePath(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));

    private static EngineSettings Settings(string path, bool readOnly) => new()
    {
        Filename = path,
        Collation = new Collation("/IgnoreCase"),
        ReadOnly = readOnly,
    };

    // LiteDB turns "" into null by default, which would break every non-nullable string.
    private static BsonMapper Mapper() => new() { EmptyStringToNull = false };

    private static LiteDatabase OpenLiteDb(string path, ILogger logger)
    {
        try
        {
            var engine = new RecoveringLiteEngine(() => new LiteEngine(Settings(path, readOnly: false)), path, logger);
            return new LiteDatabase(engine, Mapper(), disposeOnClose: true) { UtcDate = true };
        }
        catch (IOException ex)
        {
            throw new DatabaseUnavailableException($"Cannot open the database {path}: {StorageErrors.Describe(ex)}", ex);
        }
        catch (Exception ex) when (IsDamage(ex))
        {
            throw Damaged(path, ex);
        }
    }

    private static void Prepare(LiteDatabase database, string path)
    {
        try
        {
            if (!CheckSchema(database, path))
            {
                database.GetCollection<StateDocument>("state").Upsert(new StateDocument { Id = "schema", Value = SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }

            EnsureIndexes(database);
        }
        catch (IOException ex)
        {
            throw new DatabaseUnavailableException($"Cannot write to the database {path}: {StorageErrors.Describe(ex)}", ex);
        }
        catch (Exception ex) when (IsDamage(ex))
        {
            throw Damaged(path, ex);
        }
    }

    /// <summary>False for a new, empty database; throws for a file that is not a NewsBot database this version can use.</summary>
    private static bool CheckSchema(LiteDatabase database, string path)
    {
        var schema = database.GetCollection<StateDocument>("state").FindById("schema");
        if (schema is null)
        {
            if (database.GetCollectionNames().Any(name => name != "state"))
            {
                throw new DatabaseUnavailableException(
                    $"{path} is a LiteDB file but not a NewsBot database (it has no schema version). It was left untouched. Move it away or set NewsBot:DataDirectory to another folder.");
            }

            return false;
        }

        if (!int.TryParse(schema.Value, out var version) || version > SchemaVersion)
        {
            throw new DatabaseUnavailableException(
                $"{path} has schema version {schema.Value}, newer than this NewsBot understands ({SchemaVersion}). Run a newer NewsBot, or use another NewsBot:DataDirectory.");
        }

        return true;
    }

    // A first read of every collection finds damage now rather than in the middle of a command.
    private static void ReadEveryCollection(LiteDatabase database)
    {
        foreach (var name in database.GetCollectionNames())
        {
            _ = database.GetCollection(name).Count();
        }
    }

    // A damaged file surfaces as LiteException, but also as argument, cast or overflow errors
    // thrown from deep inside the page reader.
    private static bool IsDamage(Exception ex) =>
        ex is not (DatabaseUnavailableException or OutOfMemoryException or OperationCanceledException or IOException or UnauthorizedAccessException);

    private static void EnsureIndexes(LiteDatabase database)
    {
        var articles = database.GetCollection<ArticleDocument>("articles");
        articles.EnsureIndex(a => a.Url, unique: true);
        articles.EnsureIndex(a => a.ItemKey, unique: true);
        articles.EnsureIndex(a => a.PublishedAt);
        articles.EnsureIndex(a => a.TitleKey);
        articles.EnsureIndex(a => a.StoryId);

        database.GetCollection<SourceDocument>("sources").EnsureIndex(s => s.Url, unique: true);

        var bookmarks = database.GetCollection<BookmarkDocument>("bookmarks");
        bookmarks.EnsureIndex(b => b.Key, unique: true);
        bookmarks.EnsureIndex(b => b.UserKey);

        database.GetCollection<SubscriptionDocument>("subscriptions").EnsureIndex(s => s.ChatKey);

        var outbox = database.GetCollection<OutboxDocument>("outbox");
        outbox.EnsureIndex(o => o.DedupKey, unique: true);
        outbox.EnsureIndex(o => o.NextAttemptAt);

        // Every index costs on each of the many inserts of a fan-out; a chat's entries are
        // found through the dedup key's prefix instead.
        outbox.DropIndex("ChatKey");
        UpgradeOutbox(database);
    }

    /// <summary>Entries written before the outbox had kinds carried one story each; they become story entries.</summary>
    private static void UpgradeOutbox(LiteDatabase database)
    {
        const string Marker = "outbox.kinds";
        var state = database.GetCollection<StateDocument>("state");
        if (state.FindById(Marker) is not null)
        {
            return;
        }

        var raw = database.GetCollection("outbox");
        database.BeginTrans();
        try
        {
            foreach (var document in raw.Find(Query.EQ("Kind", BsonValue.Null)).ToList())
            {
                document["Kind"] = "Story";
                document["Stories"] = StoryPairs.Pack([document["StoryId"].AsInt32], [document["ArticleId"].AsInt32]);
                document.Remove("StoryId");
                document.Remove("ArticleId");
                raw.Update(document);
            }

            // Articles already stored were dealt with by the planner before this version; it starts after them.
            if (state.FindById(LiteDbOutboxStore.PlannedThroughKey) is null)
            {
                var newest = database.GetCollection("articles").Find(Query.All(Query.Descending), limit: 1).FirstOrDefault();
                var through = newest?["_id"] is { IsInt32: true } id ? id.AsInt32 : 0;
                state.Upsert(new StateDocument { Id = LiteDbOutboxStore.PlannedThroughKey, Value = through.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }

            state.Upsert(new StateDocument { Id = Marker, Value = "1" });
            database.Commit();
        }
        catch
        {
            database.Rollback();
            throw;
        }
    }

    private static DatabaseUnavailableException Damaged(string path, Exception ex) => new(
        $"{path} cannot be read as a NewsBot database ({ex.Message}). It was left untouched. Restore a copy, move it away to start afresh, or set NewsBot:DataDirectory to another folder.",
        ex);
}
