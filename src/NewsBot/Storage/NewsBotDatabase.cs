using LiteDB;

namespace NewsBot.Storage;

/// <summary>
/// The process's one LiteDB database. Opening it takes a lock file beside it (LiteDB's direct
/// mode does not lock on Linux, and two processes on one file corrupt it), refuses files that
/// are not NewsBot databases instead of letting LiteDB silently reinitialise them, and checks
/// the schema version.
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

    // Articles read per LiteDB query at start: enough to make the queries' cost vanish, few
    // enough that their pages (about 1.3 KB an article) stay a small cache.
    internal const int ReadChunk = 10_000;

    private readonly FileStream _lock;
    private readonly Lock _gate = new();

    // The instance Open checked the file with, until someone uses it or the start-up read
    // closes it; then the shared instance, once open. At most one of the two is set.
    private LiteDatabase? _checked;
    private LiteDatabase? _shared;
    private bool _disposed;

    private NewsBotDatabase(string path, FileStream fileLock, LiteDatabase database)
    {
        FilePath = path;
        _lock = fileLock;
        _checked = database;
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
    public static NewsBotDatabase Open(string directory)
    {
        var fullDirectory = Path.GetFullPath(directory);
        var path = Path.Combine(fullDirectory, FileName);
        try
        {
            Directory.CreateDirectory(fullDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseUnavailableException($"Cannot create the data directory {fullDirectory}: {ex.Message} Set NewsBot:DataDirectory to a folder NewsBot may write to.", ex);
        }

        var fileLock = AcquireLock(path);
        try
        {
            CheckExistingFile(path);
            var database = OpenLiteDb(path);
            try
            {
                Prepare(database, path);
                return new NewsBotDatabase(path, fileLock, database);
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

            var reader = _checked ?? OpenLiteDb(FilePath);
            _checked = null;
            try
            {
                read(InChunks(reader.GetCollection<ArticleDocument>("articles"), chunk));
            }
            finally
            {
                reader.Dispose();
            }

            Volatile.Write(ref _shared, OpenLiteDb(FilePath));
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
                Volatile.Write(ref _shared, _checked ?? OpenLiteDb(FilePath));
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
        catch (IOException ex)
        {
            throw new DatabaseUnavailableException(
                $"The database {path} is in use by another NewsBot process (lock file {lockPath}). Stop the other process, or point this one at another folder with NewsBot:DataDirectory.", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DatabaseUnavailableException($"Cannot create the lock file {lockPath}: {ex.Message}", ex);
        }
    }

    private static void CheckExistingFile(string path)
    {
        var info = new FileInfo(path);
        if (info.Exists && info.Length < SmallestValidFileBytes)
        {
            throw new DatabaseUnavailableException(
                $"{path} is not a NewsBot database ({info.Length} bytes; too small to be one). It was left untouched. Move it away or set NewsBot:DataDirectory to another folder.");
        }
    }

    private static LiteDatabase OpenLiteDb(string path)
    {
        try
        {
            // LiteDB turns "" into null by default, which would break every non-nullable string.
            var mapper = new BsonMapper { EmptyStringToNull = false };
            var connection = new ConnectionString
            {
                Filename = path,
                Connection = ConnectionType.Direct,
                Collation = new Collation("/IgnoreCase"),
            };
            return new LiteDatabase(connection, mapper) { UtcDate = true };
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
            var state = database.GetCollection<StateDocument>("state");
            var schema = state.FindById("schema");
            if (schema is null)
            {
                if (database.GetCollectionNames().Any(name => name != "state"))
                {
                    throw new DatabaseUnavailableException(
                        $"{path} is a LiteDB file but not a NewsBot database (it has no schema version). It was left untouched. Move it away or set NewsBot:DataDirectory to another folder.");
                }

                state.Upsert(new StateDocument { Id = "schema", Value = SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }
            else if (!int.TryParse(schema.Value, out var version) || version > SchemaVersion)
            {
                throw new DatabaseUnavailableException(
                    $"{path} has schema version {schema.Value}, newer than this NewsBot understands ({SchemaVersion}). Run a newer NewsBot, or use another NewsBot:DataDirectory.");
            }

            EnsureIndexes(database);

            // A first read of every collection finds damage now rather than in the middle of a command.
            foreach (var name in database.GetCollectionNames())
            {
                _ = database.GetCollection(name).Count();
            }
        }
        catch (Exception ex) when (IsDamage(ex))
        {
            throw Damaged(path, ex);
        }
    }

    // A damaged file surfaces as LiteException, but also as argument, cast or overflow errors
    // thrown from deep inside the page reader.
    private static bool IsDamage(Exception ex) =>
        ex is not (DatabaseUnavailableException or OutOfMemoryException or OperationCanceledException);

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
