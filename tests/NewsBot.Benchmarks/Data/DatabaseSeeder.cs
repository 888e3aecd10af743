using NewsBot.Core.Bookmarks;

namespace NewsBot.Benchmarks.Data;

/// <summary>What building the benchmark database took.</summary>
internal sealed record SeedResult(int Articles, int Bookmarks, int Sources, TimeSpan ArticlesTime, TimeSpan BookmarksTime, long FileBytes);

/// <summary>
/// Fills a fresh NewsBot database with synthetic data through the real storage code: sources
/// through <see cref="LiteDbSourceStore.Ensure"/>, articles through
/// <see cref="LiteDbArticleStore.AddNew"/> in batches as a feed poll would store them, and
/// bookmarks through <see cref="LiteDbBookmarkStore.Add"/>.
/// </summary>
internal static class DatabaseSeeder
{
    public const int ArticleBatchSize = 5_000;

    // Bookmarks are saved one at a time in the bot; grouping the benchmark's 200,000 saves into
    // transactions only shortens the set-up (several times faster than auto-commit in direct mode)
    // and stores the same documents.
    private const int BookmarkTransactionSize = 5_000;

    public static string UserKey(int userNumber) =>
        new UserAddress(PlatformNames.Telegram, userNumber.ToString(CultureInfo.InvariantCulture)).Key;

    public static async Task<SeedResult> SeedAsync(
        string directory,
        SyntheticNews news,
        int articleCount,
        int userCount,
        int bookmarksPerUser,
        Action<string> progress,
        CancellationToken cancellationToken)
    {
        var targets = new List<BookmarkTarget>(articleCount);
        TimeSpan articlesTime;
        TimeSpan bookmarksTime;
        var bookmarkCount = 0;
        using (var database = NewsBotDatabase.Open(directory))
        {
            var sourceStore = new LiteDbSourceStore(database);
            var sources = new List<FeedSource>();
            foreach (var s in SyntheticNews.Sources)
            {
                sources.Add(await sourceStore.EnsureAsync(s.Name, "https://" + s.Host + "/feed", [], fromConfiguration: true, cancellationToken));
            }


            var articleStore = new LiteDbArticleStore(database);
            var started = Stopwatch.GetTimestamp();
            var batch = new List<ArticleDraft>(ArticleBatchSize);
            for (var number = 1; number <= articleCount; number++)
            {
                batch.Add(news.NextArticle(number, sources));
                if (batch.Count == ArticleBatchSize || number == articleCount)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    foreach (var article in (await articleStore.AddNewAsync(batch, cancellationToken)).Added)
                    {
                        targets.Add(new BookmarkTarget(article.Id, article.Title, article.Url, article.SourceName, article.PublishedAt));
                    }

                    batch.Clear();
                    if (targets.Count % 20_000 == 0 || number == articleCount)
                    {
                        progress(string.Create(CultureInfo.InvariantCulture, $"  articles: {targets.Count:N0} of {articleCount:N0} stored ({Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s)"));
                    }
                }
            }

            articlesTime = Stopwatch.GetElapsedTime(started);
            if (targets.Count != articleCount)
            {
                throw new InvalidOperationException($"Only {targets.Count} of {articleCount} synthetic articles were stored; the generator made duplicate URLs or item keys.");
            }

            var bookmarkStore = new LiteDbBookmarkStore(database);
            started = Stopwatch.GetTimestamp();
            var inTransaction = 0;
            database.Database.BeginTrans();
            try
            {
                for (var user = 1; user <= userCount; user++)
                {
                    var userKey = UserKey(user);
                    foreach (var (article, savedAt) in news.Saves(targets, bookmarksPerUser))
                    {
                        if (await bookmarkStore.AddAsync(new Bookmark(userKey, article.Id, savedAt, article.Title, article.Url, article.SourceName), cancellationToken))
                        {
                            bookmarkCount++;
                        }

                        if (++inTransaction == BookmarkTransactionSize)
                        {
                            database.Database.Commit();
                            cancellationToken.ThrowIfCancellationRequested();
                            database.Database.BeginTrans();
                            inTransaction = 0;
                        }
                    }

                    if (user % 2_000 == 0 || user == userCount)
                    {
                        progress(string.Create(CultureInfo.InvariantCulture, $"  bookmarks: {user:N0} of {userCount:N0} people ({Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s)"));
                    }
                }

                database.Database.Commit();
            }
            catch
            {
                database.Database.Rollback();
                throw;
            }

            bookmarksTime = Stopwatch.GetElapsedTime(started);
        }

        var file = new FileInfo(Path.Combine(directory, NewsBotDatabase.FileName));
        return new SeedResult(articleCount, bookmarkCount, SyntheticNews.Sources.Count, articlesTime, bookmarksTime, file.Exists ? file.Length : 0);
    }
}
