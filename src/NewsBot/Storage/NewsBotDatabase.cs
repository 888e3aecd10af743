using LiteDB;

namespace NewsBot.Storage;

/// <summary>
/// The process's one LiteDB database. Opening it takes a lock file beside it (LiteDB's direct
/// mode does not lock on Linux, and two processes on one file corrupt it), refuses files that
/// are not NewsBot databases instead of letting LiteDB silently reinitialise them, and checks
/// the schema version.
/// </summary>
internal sealed class NewsBotDatabase : IDisposable
{
    public const string FileName = "newsbot.db";
    public const int SchemaVersion = 1;

    // A fresh LiteDB 5 file is this large; anything smaller would be overwritten without a word.
    private const long SmallestValidFileBytes = 32_768;

    private readonly FileStream _lock;

    private NewsBotDatabase(string path, FileStream fileLock, LiteDatabase database)
    {
        FilePath = path;
        _lock = fileLock;
        Database = database;
    }

    public string FilePath { get; }

    public LiteDatabase Database { get; }

    public ILiteCollection<ArticleDocument> Articles => Database.GetCollection<ArticleDocument>("articles");

    public ILiteCollection<SourceDocument> Sources => Database.GetCollection<SourceDocument>("sources");

    public ILiteCollection<BookmarkDocument> Bookmarks => Database.GetCollection<BookmarkDocument>("bookmarks");

    public ILiteCollection<SubscriptionDocument> Subscriptions => Database.GetCollection<SubscriptionDocument>("subscriptions");

    public ILiteCollection<ChatDocument> Chats => Database.GetCollection<ChatDocument>("chats");

    public ILiteCollection<UserDocument> Users => Database.GetCollection<UserDocument>("users");

    public ILiteCollection<StateDocument> State => Database.GetCollection<StateDocument>("state");

    public ILiteCollection<OutboxDocument> Outbox => Database.GetCollection<OutboxDocument>("outbox");

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

    public void Dispose()
    {
        Database.Dispose();
        _lock.Dispose();
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
            var mapper = new BsonMapper();
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
        outbox.EnsureIndex(o => o.ChatKey);
    }

    private static DatabaseUnavailableException Damaged(string path, Exception ex) => new(
        $"{path} cannot be read as a NewsBot database ({ex.Message}). It was left untouched. Restore a copy, move it away to start afresh, or set NewsBot:DataDirectory to another folder.",
        ex);
}
