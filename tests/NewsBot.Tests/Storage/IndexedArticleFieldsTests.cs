using LiteDB;
using NewsBot.Core.Articles;
using NewsBot.Storage;
using NewsBot.Tests.Fakes;

namespace NewsBot.Tests.Storage;

/// <summary>The start-up read for the index takes from each stored article what the index reads, as LiteDB's mapper gives it.</summary>
public sealed class IndexedArticleFieldsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10_000)]
    public async Task ForIndex_EveryStoredShape_GivesTheIndexedFieldsAsTheMapperDoes_InIdOrder(int chunk)
    {
        using var folder = new TempDirectory();
        using var database = NewsBotDatabase.Open(folder.Path);
        var store = new LiteDbArticleStore(database);
        await store.AddNewAsync(
            [
                new ArticleDraft(new Article(0, "https://x.example/a", "1:a", "Full", "Summary", "Ada", 1, "Wire",
                    TestBot.Now.AddMinutes(-5).AddTicks(1234), TestBot.Now, ["technology", "science"], "https://img.example/a.jpg", false), "1:t"),
                new ArticleDraft(new Article(0, "https://x.example/b", "1:b", "", "", null, 2, "Daily",
                    TestBot.Now.AddDays(-3), TestBot.Now, [], null, true) { StoryId = 1 }, "1:u"),
            ],
            CancellationToken.None);

        // Files written by older versions: null for an empty title or summary, and no StoryId,
        // AlsoIn or IsNew fields at all.
        var raw = database.Database.GetCollection("articles");
        raw.Insert(new BsonDocument
        {
            ["_id"] = 3,
            ["Url"] = "https://x.example/c",
            ["ItemKey"] = "1:c",
            ["Title"] = BsonValue.Null,
            ["Summary"] = BsonValue.Null,
            ["SourceId"] = 1,
            ["SourceName"] = "Wire",
            ["PublishedAt"] = new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc),
            ["IngestedAt"] = new DateTime(2026, 1, 2, 3, 4, 6, DateTimeKind.Utc),
            ["Topics"] = new BsonArray { "world" },
            ["TitleKey"] = "1:v",
        });

        var viaMapper = database.Articles.FindAll().Select(LiteDbArticleStore.ToArticle).Select(Indexed).ToList();
        var forIndex = new List<string>();
        new LiteDbArticleStore(database).ReadAtStart(read => forIndex.AddRange(read.ForIndex(chunk).Select(Indexed)));

        Assert.Equal(3, viaMapper.Count);
        Assert.Equal(viaMapper, forIndex);
    }

    private static string Indexed(Article a) =>
        string.Join(" | ", a.Id, a.Title, a.Summary, a.SourceId, a.PublishedAt.UtcTicks, string.Join(",", a.Topics), a.StoryId);
}
