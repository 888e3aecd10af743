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
        await StoredArticleShapes.SeedAsync(database);

        var viaMapper = database.Articles.FindAll().Select(LiteDbArticleStore.ToArticle).Select(Indexed).ToList();
        var forIndex = new List<string>();
        new LiteDbArticleStore(database).ReadAtStart(read => forIndex.AddRange(read.ForIndex(chunk).Select(Indexed)));

        Assert.Equal(3, viaMapper.Count);
        Assert.Equal(viaMapper, forIndex);
    }

    private static string Indexed(Article a) =>
        string.Join(" | ", a.Id, a.Title, a.Summary, a.SourceId, a.PublishedAt.UtcTicks, string.Join(",", a.Topics), a.StoryId);
}
