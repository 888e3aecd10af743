using LiteDB;
using NewsBot.Core.Articles;
using NewsBot.Storage;
using NewsBot.Tests.Fakes;

namespace NewsBot.Tests.Storage;

/// <summary>The start-up read makes the same articles from stored documents as LiteDB's mapper does.</summary>
public sealed class StoredArticleTests
{
    [Fact]
    public async Task ToArticle_EveryStoredShape_GivesWhatTheMapperGives()
    {
        using var folder = new TempDirectory();
        using var database = NewsBotDatabase.Open(folder.Path);
        await StoredArticleShapes.SeedAsync(database);
        await new LiteDbArticleStore(database).AddAlsoInAsync(1, "Mirror", CancellationToken.None);
        var raw = database.Database.GetCollection("articles");

        var viaMapper = database.Articles.FindAll().Select(LiteDbArticleStore.ToArticle).ToList();
        var direct = raw.FindAll().Select(StoredArticle.ToArticle).ToList();

        Assert.Equal(3, viaMapper.Count);
        Assert.Equal(viaMapper.Select(Describe), direct.Select(Describe));
    }

    // Article is a record, but its lists compare by reference.
    private static string Describe(Article a) =>
        string.Join(" | ", a with { Topics = [], AlsoIn = [] }, string.Join(",", a.Topics), string.Join(",", a.AlsoIn), a.Topics.GetType(), a.AlsoIn.GetType());
}
