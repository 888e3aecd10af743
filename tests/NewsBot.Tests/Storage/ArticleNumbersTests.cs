using NewsBot.Core.Articles;
using NewsBot.Storage;
using NewsBot.Tests.Fakes;

namespace NewsBot.Tests.Storage;

public sealed class ArticleNumbersTests
{
    private static readonly DateTimeOffset Now = TestBot.Now;

    private static ArticleDraft Draft(int n, DateTimeOffset published) =>
        new($"https://x.example/{n}", $"1:{n}", $"Story {n}", "", null, 1, "Wire", published, Now, [], null, true, $"1:t{n}");

    [Fact]
    public async Task ArticleNumbers_AfterTheNewestIsPrunedAndTheBotRestarts_AreNotHandedOutAgain()
    {
        using var folder = new TempDirectory();
        int pruned;
        using (var database = NewsBotDatabase.Open(folder.Path))
        {
            var store = new LiteDbArticleStore(database);
            await store.AddNewAsync([Draft(1, Now), Draft(2, Now)], CancellationToken.None);

            // Found late, published long ago: the newest number goes first when retention runs.
            pruned = Assert.Single((await store.AddNewAsync([Draft(3, Now.AddDays(-90))], CancellationToken.None)).Added).Id;
            Assert.Equal([pruned], await store.DeleteOlderThanAsync(Now.AddDays(-30), new HashSet<string>(), CancellationToken.None));
        }

        using (var database = NewsBotDatabase.Open(folder.Path))
        {
            var next = Assert.Single((await new LiteDbArticleStore(database).AddNewAsync([Draft(4, Now)], CancellationToken.None)).Added);

            Assert.Equal(pruned + 1, next.Id);
        }
    }

    [Fact]
    public async Task ArticleNumbers_InAFileWrittenBeforeTheHighWaterMark_StartAboveBookmarksAndThePlannersCursor()
    {
        using var folder = new TempDirectory();
        using (var database = NewsBotDatabase.Open(folder.Path))
        {
            await new LiteDbArticleStore(database).AddNewAsync([Draft(1, Now)], CancellationToken.None);

            // What an older version left: the newest article gone, its number still in a bookmark and the cursor.
            database.State.Delete(LiteDbArticleStore.LastArticleIdKey);
            database.Bookmarks.Insert(new BookmarkDocument { Key = "telegram:1/7", UserKey = "telegram:1", ArticleId = 7, Title = "Kept", Url = "https://x.example/7" });
            database.State.Upsert(new StateDocument { Id = LiteDbOutboxStore.PlannedThroughKey, Value = "9" });
        }

        using (var database = NewsBotDatabase.Open(folder.Path))
        {
            var next = Assert.Single((await new LiteDbArticleStore(database).AddNewAsync([Draft(2, Now)], CancellationToken.None)).Added);

            Assert.Equal(10, next.Id);
        }
    }
}
