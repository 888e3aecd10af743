namespace NewsBot.Tests.Storage;

/// <summary>LiteDB's own high-water mark for article numbers; that numbers are never reused on any store is in Contract/ArticleStoreContract.</summary>
public sealed class ArticleNumbersTests
{
    private static readonly DateTimeOffset Now = TestBot.Now;

    private static ArticleDraft Draft(int n, DateTimeOffset published) =>
        new(new Article(0, $"https://x.example/{n}", $"1:{n}", $"Story {n}", "", null, 1, "Wire", published, Now, [], null, true), $"1:t{n}");

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
