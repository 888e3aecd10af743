using LiteDB;

namespace NewsBot.Tests.Storage;

/// <summary>The articles documents built by hand are the ones LiteDB's mapper makes, field for field.</summary>
public sealed class ArticleDocumentBsonTests
{
    public static TheoryData<string> Shapes => ["full", "bare", "empty strings"];

    private static ArticleDocument Shape(string shape) => shape switch
    {
        "full" => new ArticleDocument
        {
            Id = 42, Url = "https://x.example/a", ItemKey = "1:ab", Title = "Título", Summary = "Summary", Author = "Ada", SourceId = 7, SourceName = "Wire",
            PublishedAt = new DateTime(2026, 11, 30, 8, 5, 3, 123, DateTimeKind.Utc), PublishedDay = 20_787, IngestedAt = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc),
            Topics = ["science", "technology"], ImageUrl = "https://img.example/a.jpg", IsNew = false, TitleKey = "7:cd", StoryId = 40, AlsoIn = ["Other", "Third"],
        },
        "bare" => new ArticleDocument { Id = 1, Url = "urn:newsbot:item:1:ef", ItemKey = "1:ef", SourceId = 1, SourceName = "W", TitleKey = "1:gh" },
        _ => new ArticleDocument { Id = 2, Url = "https://x.example/b", ItemKey = "", Title = "", Summary = "", Author = "", SourceName = "", ImageUrl = "", TitleKey = "" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void From_MatchesWhatTheMapperMakes(string shape)
    {
        var article = Shape(shape);
        var mapped = LiteDbMapper.Create().ToDocument(article);

        var built = ArticleDocumentBson.From(article);

        Assert.Equal(mapped.Keys.Order(StringComparer.Ordinal), built.Keys.Order(StringComparer.Ordinal));
        foreach (var key in mapped.Keys)
        {
            Assert.True(mapped[key] == built[key], $"{key}: mapper {mapped[key]}, built {built[key]}");
            Assert.Equal(mapped[key].Type, built[key].Type);
        }
    }

    [Fact]
    public void From_ReadsBackThroughTheMapperAsTheSameArticle()
    {
        var article = Shape("full");

        var read = LiteDbMapper.Create().ToObject<ArticleDocument>(ArticleDocumentBson.From(article));

        Assert.Equal(LiteDbArticleStore.ToArticle(article), LiteDbArticleStore.ToArticle(read), new ArticleFields());
    }

    private sealed class ArticleFields : IEqualityComparer<Article>
    {
        public bool Equals(Article? x, Article? y) =>
            x is not null && y is not null && x with { Topics = [], AlsoIn = [] } == y with { Topics = [], AlsoIn = [] }
            && x.Topics.SequenceEqual(y.Topics) && x.AlsoIn.SequenceEqual(y.AlsoIn);

        public int GetHashCode(Article obj) => obj.Id;
    }
}
