using NewsBot.Core.Articles;
using NewsBot.Core.Search;

namespace NewsBot.Tests.Search;

public sealed class ArticleIndexTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private readonly ArticleIndex _index = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public void Latest_ArticlesAddedOutOfOrder_ComeNewestFirst()
    {
        Add(1, "Old", hoursAgo: 30);
        Add(2, "Newest", hoursAgo: 1);
        Add(3, "Middle", hoursAgo: 10);

        var page = _index.Latest(0, 10);

        Assert.Equal([2, 3, 1], page.Ids);
        Assert.Equal(3, page.Total);
    }

    [Fact]
    public void Latest_SecondPage_SkipsTheFirst()
    {
        for (var i = 1; i <= 7; i++)
        {
            Add(i, $"Article {i}", hoursAgo: i);
        }

        Assert.Equal([4, 5, 6], _index.Latest(3, 3).Ids);
        Assert.Empty(_index.Latest(30, 3).Ids);
    }

    [Fact]
    public void LatestInTopic_OnlyThatTopic_NewestFirstAndCaseInsensitive()
    {
        Add(1, "A", hoursAgo: 5, topics: ["technology"]);
        Add(2, "B", hoursAgo: 1, topics: ["science"]);
        Add(3, "C", hoursAgo: 2, topics: ["technology", "science"]);

        Assert.Equal([3, 1], _index.LatestInTopic("Technology", 0, 10).Ids);
        Assert.Equal(0, _index.LatestInTopic("sports", 0, 10).Total);
    }

    [Fact]
    public void Topics_CountsPerTopic_LargestFirst()
    {
        Add(1, "A", topics: ["science"]);
        Add(2, "B", topics: ["technology", "science"]);

        Assert.Equal([new TopicCount("science", 2), new TopicCount("technology", 1)], _index.Topics());
    }

    [Fact]
    public void Search_AccentsAndCase_AreIgnored()
    {
        Add(1, "Café opens in Zürich");

        Assert.Equal([1], Search("cafe ZURICH").Ids);
    }

    [Fact]
    public void Search_MoreMatchedWords_RankHigher()
    {
        Add(1, "Solar farm opens", hoursAgo: 1);
        Add(2, "Solar farm opens near the coast with battery storage", hoursAgo: 20);

        Assert.Equal([2, 1], Search("solar battery").Ids);
    }

    [Fact]
    public void Search_TitleMatch_BeatsSummaryMatch()
    {
        Add(1, "Market report", "Notes on a new telescope", hoursAgo: 1);
        Add(2, "Telescope sees a distant galaxy", "Astronomers report", hoursAgo: 5);

        Assert.Equal([2, 1], Search("telescope").Ids);
    }

    [Fact]
    public void Search_EqualMatches_NewerFirst()
    {
        Add(1, "Robot arm", hoursAgo: 50);
        Add(2, "Robot hand", hoursAgo: 2);

        Assert.Equal([2, 1], Search("robot").Ids);
    }

    [Fact]
    public void Search_Phrase_MustAppearInOrder()
    {
        Add(1, "Power plant closes");
        Add(2, "Plant power rises");

        Assert.Equal([1], Search("\"power plant\"").Ids);
    }

    [Fact]
    public void Search_PhraseDoesNotSpanTitleAndSummary()
    {
        Add(1, "New power", "Plant growth slows");

        Assert.Empty(Search("\"power plant\"").Ids);
    }

    [Fact]
    public void Search_Exclusion_RemovesMatches()
    {
        Add(1, "Solar and wind auction");
        Add(2, "Solar rooftops");

        var page = Search("solar -wind");

        Assert.Equal([2], page.Ids);
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public void Search_UnknownWord_FindsNothing()
    {
        Add(1, "Solar rooftops");

        Assert.Equal(0, Search("zeppelin").Total);
        Assert.Equal(0, Search("\"solar zeppelin\"").Total);
    }

    [Fact]
    public void Search_Paging_ReturnsTotalAndTheRequestedSlice()
    {
        for (var i = 1; i <= 12; i++)
        {
            Add(i, $"Robot news {i}", hoursAgo: i);
        }

        var page = _index.Search(SearchQuery.Parse("robot"), 5, 5, Now);

        Assert.Equal(12, page.Total);
        Assert.Equal([6, 7, 8, 9, 10], page.Ids);
    }

    [Fact]
    public void Remove_Article_DisappearsFromEveryList()
    {
        Add(1, "Robot arm", topics: ["technology"]);
        Add(2, "Robot hand", topics: ["technology"]);

        _index.Remove([1]);

        Assert.Equal([2], _index.Latest(0, 10).Ids);
        Assert.Equal([2], _index.LatestInTopic("technology", 0, 10).Ids);
        Assert.Equal([2], Search("robot").Ids);
        Assert.False(_index.Matches(SearchQuery.Parse("robot"), 1));
    }

    [Fact]
    public void Matches_QueryAgainstOneArticle_FollowsTheSearchRules()
    {
        Add(1, "Solar and wind auction");

        Assert.True(_index.Matches(SearchQuery.Parse("solar"), 1));
        Assert.False(_index.Matches(SearchQuery.Parse("solar -wind"), 1));
        Assert.True(_index.Matches(SearchQuery.Parse("\"wind auction\""), 1));
        Assert.False(_index.Matches(SearchQuery.Parse("coal"), 1));
    }

    private IndexPage Search(string text) => _index.Search(SearchQuery.Parse(text), 0, 10, Now);

    private void Add(int id, string title, string summary = "", int hoursAgo = 1, string[]? topics = null) =>
        _index.Add(new Article(
            id, $"https://x.example/{id}", $"1:{id}", title, summary, null, 1, "Wire",
            Now.AddHours(-hoursAgo), Now, topics ?? [], null));
}
