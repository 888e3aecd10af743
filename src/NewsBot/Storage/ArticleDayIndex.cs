using LiteDB;

namespace NewsBot.Storage;

/// <summary>
/// The index retention finds old articles through: one on the UTC day of publication
/// (<see cref="ArticleDocument.PublishedDay"/>) instead of the exact time. A backlog's dates are
/// spread over weeks, so each insert into an index on the exact time lands at a random place and
/// each commit writes many of its pages again; an index on the day has few distinct keys and
/// costs much less per insert. Retention reads the days up to the cutoff's through it and
/// compares the exact time only for those (<see cref="PublishedBefore"/>).
/// </summary>
/// <remarks>
/// Files written before the day existed have the index on <see cref="ArticleDocument.PublishedAt"/>
/// and articles without a day, and an older NewsBot opening a file makes that index again and
/// writes articles without one. So the old index is the mark of a file to upgrade, and it is
/// dropped last: the days are filled in first, chunk by chunk, then the day index is made. A
/// start that stops half-way finds the old index still there and does the rest.
/// </remarks>
internal static class ArticleDayIndex
{
    internal const string IndexName = nameof(ArticleDocument.PublishedDay);
    internal const string ExactIndexName = nameof(ArticleDocument.PublishedAt);

    // Articles read and updated per transaction: few enough that a large file is upgraded in
    // bounded memory, enough that the commits' cost vanishes.
    internal const int Chunk = 2_000;

    /// <summary>Gives every article its day if the file needs it, and makes the day index.</summary>
    /// <returns>The number of articles that were given their day.</returns>
    public static int Ensure(LiteDatabase database)
    {
        var articles = database.GetCollection(NewsBotDatabase.ArticlesCollection);
        var indexes = IndexesOf(database, NewsBotDatabase.ArticlesCollection);
        if (indexes.Contains(IndexName) && !indexes.Contains(ExactIndexName))
        {
            return 0;
        }

        var filled = FillDays(articles);
        articles.EnsureIndex(IndexName, $"$.{IndexName}");
        articles.DropIndex(ExactIndexName);
        return filled;
    }

    /// <summary>
    /// The ids of the articles published before <paramref name="cutoff"/> (as stored, see
    /// <see cref="Dates.ToStored(DateTimeOffset)"/>), whose item keys are not in <paramref name="keep"/>, oldest first.
    /// </summary>
    public static List<int> PublishedBefore(ILiteCollection<ArticleDocument> articles, DateTime cutoff, IReadOnlySet<string> keep) =>
        Before(articles, cutoff)
            .Select(a => new { a.Id, a.ItemKey, a.PublishedAt })
            .ToList()
            .Where(a => !keep.Contains(a.ItemKey))
            .OrderBy(a => a.PublishedAt)
            .Select(a => a.Id)
            .ToList();

    /// <summary>The articles published before <paramref name="cutoff"/>, found through the day index.</summary>
    internal static ILiteQueryable<ArticleDocument> Before(ILiteCollection<ArticleDocument> articles, DateTime cutoff)
    {
        var lastDay = Dates.DayOf(cutoff);
        return articles.Query()
            .Where(a => a.PublishedDay <= lastDay)
            .Where(a => a.PublishedAt < cutoff);
    }

    internal static HashSet<string> IndexesOf(LiteDatabase database, string collection) =>
        database.GetCollection("$indexes").Find(Query.EQ("collection", collection))
            .Select(index => index["name"].AsString)
            .ToHashSet(StringComparer.Ordinal);

    private static int FillDays(ILiteCollection<BsonDocument> articles)
    {
        var filled = 0;
        var after = BsonValue.MinValue;
        while (true)
        {
            var chunk = articles.Find(Query.GT("_id", after), limit: Chunk).ToList();
            if (chunk.Count == 0)
            {
                return filled;
            }

            after = chunk[^1]["_id"];
            var missing = chunk.Where(document => !document.TryGetValue(IndexName, out var day) || !day.IsInt32).ToList();
            foreach (var document in missing)
            {
                var published = document.TryGetValue(ExactIndexName, out var at) && at.IsDateTime ? at.AsDateTime : default;
                document[IndexName] = Dates.DayOf(published);
            }

            // One transaction per chunk: LiteDB updates a list in one.
            filled += articles.Update(missing);
        }
    }
}
