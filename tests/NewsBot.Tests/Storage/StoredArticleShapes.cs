using LiteDB;
using NewsBot.Core.Articles;
using NewsBot.Storage;
using NewsBot.Tests.Fakes;

namespace NewsBot.Tests.Storage;

/// <summary>Every shape an article document has had in a LiteDB file, for the reads that skip LiteDB's mapper.</summary>
internal static class StoredArticleShapes
{
    /// <summary>
    /// Stores articles 1 and 2 as this version writes them (full, and empty with a story), and
    /// article 3 as older versions did: null for an empty title or summary, and no StoryId,
    /// AlsoIn or IsNew fields at all.
    /// </summary>
    public static async Task SeedAsync(NewsBotDatabase database)
    {
        await new LiteDbArticleStore(database).AddNewAsync(
            [
                new ArticleDraft(new Article(0, "https://x.example/a", "1:a", "Full", "Summary", "Ada", 1, "Wire",
                    TestBot.Now.AddMinutes(-5).AddTicks(1234), TestBot.Now, ["technology", "science"], "https://img.example/a.jpg", false), "1:t"),
                new ArticleDraft(new Article(0, "https://x.example/b", "1:b", "", "", null, 2, "Daily",
                    TestBot.Now.AddDays(-3), TestBot.Now, [], null, true) { StoryId = 1 }, "1:u"),
            ],
            CancellationToken.None);

        database.Database.GetCollection("articles").Insert(new BsonDocument
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
    }
}
