using System.Diagnostics;
using LiteDB;

namespace NewsBot.Storage;

/// <summary>
/// The shape a NewsBot database must have: the schema version in the <c>state</c> collection,
/// the indexes every store relies on, and the upgrades of data written by older versions.
/// </summary>
internal static class DatabaseSchema
{
    /// <summary>Stamps a new database with the schema version, then makes the indexes and upgrades old data.</summary>
    public static void Prepare(LiteDatabase database, string path, ILogger? logger = null)
    {
        try
        {
            if (!Check(database, path))
            {
                database.GetCollection<StateDocument>("state").Upsert(new StateDocument { Id = "schema", Value = NewsBotDatabase.SchemaVersion.ToString(CultureInfo.InvariantCulture) });
            }

            var started = Stopwatch.GetTimestamp();
            var dated = EnsureIndexes(database);
            if (dated > 0)
            {
                logger?.LogArticleDaysFilled(path, dated, Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        }
        catch (IOException ex)
        {
            throw new DatabaseUnavailableException($"Cannot write to the database {path}: {StorageErrors.Describe(ex)}", ex);
        }
        catch (Exception ex) when (DatabaseFileChecks.IsDamage(ex))
        {
            throw DatabaseFileChecks.Damaged(path, ex);
        }
    }

    /// <summary>False for a new, empty database; throws for a file that is not a NewsBot database this version can use.</summary>
    public static bool Check(LiteDatabase database, string path)
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

        if (!int.TryParse(schema.Value, out var version) || version > NewsBotDatabase.SchemaVersion)
        {
            throw new DatabaseUnavailableException(
                $"{path} has schema version {schema.Value}, newer than this NewsBot understands ({NewsBotDatabase.SchemaVersion}). Run a newer NewsBot, or use another NewsBot:DataDirectory.");
        }

        return true;
    }

    /// <returns>The number of articles given their publication day (see <see cref="ArticleDayIndex"/>).</returns>
    private static int EnsureIndexes(LiteDatabase database)
    {
        var articles = database.GetCollection<ArticleDocument>("articles");
        articles.EnsureIndex(a => a.Url, unique: true);
        articles.EnsureIndex(a => a.ItemKey, unique: true);
        articles.EnsureIndex(a => a.TitleKey);
        articles.EnsureIndex(a => a.StoryId);
        var dated = ArticleDayIndex.Ensure(database);

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
        return dated;
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
        database.InTransaction(() =>
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
                state.Upsert(new StateDocument { Id = LiteDbOutboxStore.PlannedThroughKey, Value = through.ToString(CultureInfo.InvariantCulture) });
            }

            state.Upsert(new StateDocument { Id = Marker, Value = "1" });
        });
    }
}
